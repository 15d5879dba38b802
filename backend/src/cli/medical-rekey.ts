import { appRoleUrl } from '@werkpad/db';
import { MEDICAL_ENCRYPTED_COLUMNS, medicalAad, type MedicalTable } from '@werkpad/shared';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import { type AppConfig } from '../config/app-config';
import { MedicalCrypto } from '../modules/medical/medical-crypto';
import { cliConfig, numberArgument } from './cli-config';

export interface RekeyTableCount {
  readonly table: MedicalTable;
  /** Rows re-encrypted with the current key. */
  readonly reencrypted: number;
  /** Rows that could not be decrypted with any key of the ring (left as they were). */
  readonly failed: number;
}

export interface RekeyResult {
  readonly currentKeyId: string;
  readonly tables: readonly RekeyTableCount[];
}

const TABLES: readonly MedicalTable[] = ['medical_record', 'medical_record_version', 'care_provider_request'];

interface EncryptedRow {
  id: string;
  [column: string]: Buffer | string | null;
}

/**
 * Re-encrypts every row of schema `medical` whose `key_id` is not the ring's current key, table by
 * table in batches, one transaction per batch. Runs as the database owner, which is not subject to
 * the row-level security (only the medical role is). Content changes nowhere: the same plaintext,
 * the same associated data (table, row, column), a new key. Rows that no key of the ring decrypts
 * are skipped and counted, never guessed at; nothing of their content is printed.
 */
export async function rekeyMedicalRecords(
  owner: Pool,
  crypto: MedicalCrypto,
  options: { batchSize?: number } = {},
): Promise<RekeyResult> {
  const batchSize = options.batchSize && options.batchSize > 0 ? options.batchSize : 500;
  const tables: RekeyTableCount[] = [];
  for (const table of TABLES) {
    const columns = MEDICAL_ENCRYPTED_COLUMNS[table];
    const selected = columns.map((column) => `${column}_encrypted`).join(', ');
    let reencrypted = 0;
    let failed = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const client = await owner.connect();
      let batch: EncryptedRow[] = [];
      try {
        await client.query('BEGIN');
        batch = (
          await client.query<EncryptedRow>(
            `SELECT id, ${selected} FROM medical.${table}
              WHERE key_id <> $1 AND id > $2 ORDER BY id LIMIT $3 FOR UPDATE`,
            [crypto.currentKeyId, afterId, batchSize],
          )
        ).rows;
        for (const row of batch) {
          const values: Array<Buffer | null> = [];
          try {
            for (const column of columns) {
              const stored = row[`${column}_encrypted`] as Buffer | null;
              const aad = medicalAad(table, row.id, column);
              values.push(
                stored === null ? null : crypto.encrypt(crypto.decrypt(stored, aad), aad).ciphertext,
              );
            }
          } catch {
            failed++;
            continue;
          }
          const assignments = columns
            .map((column, index) => `${column}_encrypted = $${index + 3}`)
            .join(', ');
          await client.query(`UPDATE medical.${table} SET key_id = $2, ${assignments} WHERE id = $1`, [
            row.id,
            crypto.currentKeyId,
            ...values,
          ]);
          reencrypted++;
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      if (batch.length < batchSize) break;
      afterId = batch[batch.length - 1].id;
    }
    tables.push({ table, reencrypted, failed });
  }
  return { currentKeyId: crypto.currentKeyId, tables };
}

/**
 * The whole command: re-encrypts as the owner, then appends one event to the access log (as the
 * application role, like the server does), naming counts and key ids only (R-AUD-04).
 */
export async function runMedicalRekey(
  config: AppConfig,
  options: { batchSize?: number } = {},
): Promise<RekeyResult> {
  const crypto = new MedicalCrypto(config.medicalEncryptionKeys);
  const owner = new Pool({
    connectionString: config.databaseUrl,
    max: 1,
    application_name: 'werkpad-medical-rekey',
  });
  let result: RekeyResult;
  try {
    result = await rekeyMedicalRecords(owner, crypto, options);
  } finally {
    await owner.end();
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: appRoleUrl(config.databaseUrl, config.dbAppPassword),
  });
  await dataSource.initialize();
  try {
    const details: Record<string, string> = { currentKeyId: result.currentKeyId };
    for (const count of result.tables) {
      details[`${count.table}.reencrypted`] = String(count.reencrypted);
      details[`${count.table}.failed`] = String(count.failed);
    }
    const anyFailed = result.tables.some((count) => count.failed > 0);
    await new AuditService(dataSource, config).append({
      userId: null,
      username: null,
      roles: [],
      objectType: 'MedicalRecord',
      categories: ['medical'],
      action: 'update',
      result: anyFailed ? 'failed' : 'allowed',
      route: 'cli medical:rekey',
      details,
    });
  } finally {
    await dataSource.destroy();
  }
  return result;
}

/** `npm run medical:rekey [-- --batch-size 500]` (docs/medical-key-rotation.md). */
async function main(): Promise<void> {
  const config = cliConfig();
  const result = await runMedicalRekey(config, { batchSize: numberArgument('batch-size', 500) });
  console.log(`Medische gegevens opnieuw versleuteld met sleutel ${result.currentKeyId}:`);
  for (const count of result.tables) {
    console.log(
      `  ${count.table}: ${count.reencrypted} opnieuw versleuteld, ${count.failed} niet te ontsleutelen`,
    );
  }
  if (result.tables.some((count) => count.failed > 0)) {
    console.error(
      'Niet alle rijen konden worden ontsleuteld: hun sleutel staat niet in MEDICAL_ENCRYPTION_KEY of ' +
        'MEDICAL_ENCRYPTION_PREVIOUS_KEYS. Verwijder geen oude sleutel voordat dit 0 is.',
    );
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
