import { appRoleUrl } from '@werkpad/db';
import { DataSource } from 'typeorm';

import { AuditCheckpointService } from '../audit/audit-checkpoint.service';
import { AuditService } from '../audit/audit.service';
import { cliConfig } from './cli-config';

/**
 * `npm run audit:verify`: recomputes the whole chain and names the first broken row, then compares the
 * chain with the newest signed checkpoint in AUDIT_CHECKPOINT_DIR (exit 1 when either fails).
 */
async function main(): Promise<void> {
  const config = cliConfig();
  const dataSource = new DataSource({
    type: 'postgres',
    url: appRoleUrl(config.databaseUrl, config.dbAppPassword),
  });
  await dataSource.initialize();
  try {
    const result = await new AuditCheckpointService(new AuditService(dataSource, config), config).verify();
    if (result.firstBrokenSeq === null && result.reason === null) {
      console.log(`Auditlog intact: ${result.checked} regels gecontroleerd.`);
    } else {
      console.error(
        `Auditlog GEBROKEN bij regel ${result.firstBrokenSeq} (${result.reason}); ${result.checked} regels daarvoor waren in orde.`,
      );
    }
    const checkpoint = result.checkpoint;
    if (!checkpoint) {
      console.log('Nog geen controlepunt: schrijf er een met `npm run audit:checkpoint`.');
    } else if (checkpoint.signatureValid && checkpoint.matches) {
      console.log(`Komt overeen met het controlepunt van ${checkpoint.createdAt} (regel ${checkpoint.seq}).`);
    } else {
      console.error(`Komt NIET overeen met het laatste controlepunt: ${checkpoint.reason}.`);
    }
    if (!result.ok) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
