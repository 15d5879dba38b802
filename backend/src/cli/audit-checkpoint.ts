import { appRoleUrl } from '@werkpad/db';
import { DataSource } from 'typeorm';

import { AuditCheckpointService } from '../audit/audit-checkpoint.service';
import { AuditService } from '../audit/audit.service';
import { cliConfig } from './cli-config';

/**
 * `npm run audit:checkpoint`: signs the current head of the audit chain and writes it to
 * AUDIT_CHECKPOINT_DIR (R-AUD-02), e.g. from cron when the server's own timer is off. It reads the
 * log through the application role; the owner connection is not needed.
 */
async function main(): Promise<void> {
  const config = cliConfig();
  const dataSource = new DataSource({
    type: 'postgres',
    url: appRoleUrl(config.databaseUrl, config.dbAppPassword),
  });
  await dataSource.initialize();
  try {
    const checkpoint = await new AuditCheckpointService(new AuditService(dataSource, config), config).write();
    console.log(
      `Controlepunt geschreven: ${checkpoint.location} (regel ${checkpoint.seq}, ${checkpoint.rowCount} regels, sleutel ${checkpoint.keyId}).`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
