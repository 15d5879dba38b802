import { migrateDatabase } from '@werkpad/db';

import { cliConfig } from './cli-config';

async function main(): Promise<void> {
  const config = cliConfig();
  const applied = await migrateDatabase(config.databaseUrl, config.rolePasswords);
  console.log(
    applied.length ? `Migraties uitgevoerd: ${applied.join(', ')}` : 'Database is bij: geen migraties nodig.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
