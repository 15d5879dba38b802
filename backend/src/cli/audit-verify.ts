import { appRoleUrl } from '@werkpad/db';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import { cliConfig } from './cli-config';

/** `npm run audit:verify`: recomputes the whole chain and names the first broken row (exit 1). */
async function main(): Promise<void> {
  const config = cliConfig();
  const dataSource = new DataSource({
    type: 'postgres',
    url: appRoleUrl(config.databaseUrl, config.dbAppPassword),
  });
  await dataSource.initialize();
  try {
    const result = await new AuditService(dataSource).verifyChain();
    if (result.ok) {
      console.log(`Auditlog intact: ${result.checked} regels gecontroleerd.`);
    } else {
      console.error(
        `Auditlog GEBROKEN bij regel ${result.firstBrokenSeq} (${result.reason}); ${result.checked} regels daarvoor waren in orde.`,
      );
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
