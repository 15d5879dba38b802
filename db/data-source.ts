import { DataSource } from 'typeorm';

import { MIGRATIONS } from './migrations';
import { provisionAppRole } from './provision/provision';

/** A short-lived owner connection that provisions the app role and runs pending migrations. */
export async function migrateDatabase(ownerUrl: string, appPassword: string): Promise<string[]> {
  await provisionAppRole(ownerUrl, appPassword);
  const dataSource = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
