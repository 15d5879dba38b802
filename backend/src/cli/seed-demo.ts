import { migrateDatabase, seedDemo } from '@werkpad/db';
import { Pool } from 'pg';

import { PasswordHasher } from '../auth/password-hasher';
import { FieldCrypto } from '../common/crypto/field-crypto';
import { MedicalCrypto } from '../modules/medical/medical-crypto';
import { cliConfig, numberArgument } from './cli-config';

/**
 * `npm run seed:demo -- --clients 100000 [--notes-per-client 3]`: demo users plus synthetic clients with
 * trajectories, dossier entries and payroll data, inserted in batches
 * through unnest() so that 100,000 clients take seconds, not minutes. Refuses production.
 */
async function main(): Promise<void> {
  const config = cliConfig();
  if (config.isProduction) {
    console.error('Demodata wordt nooit in productie geladen (NODE_ENV=production).');
    process.exit(1);
  }
  const clients = numberArgument('clients', 200);
  const notesPerClient = numberArgument('notes-per-client', 3);
  const password = process.env.DEMO_PASSWORD ?? 'Werkpad-demo-2026';
  await migrateDatabase(config.databaseUrl, config.rolePasswords);
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
  const medicalCrypto = new MedicalCrypto(config.medicalEncryptionKeys);
  const started = Date.now();
  try {
    const result = await seedDemo(pool, {
      clients,
      passwordHash: await new PasswordHasher().hash(password),
      bsnProtector: new FieldCrypto(config.fieldEncryptionKey, config.blindIndexKey),
      notesPerClient,
      medicalEncrypt: (plaintext, aad) => medicalCrypto.encrypt(plaintext, aad),
      onProgress: (inserted) => {
        if (clients >= 20_000 && inserted % 20_000 === 0) console.log(`  ${inserted} cliënten…`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Demodata geladen: ${result.users} gebruikers, ${result.clients} cliënten, ${result.trajectories} trajecten, ` +
        `${result.dossierEntries} dossieritems, ${result.employments} dienstverbanden, ` +
        `${result.medicalRecords} medische stukken in ${seconds} s.`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
