import { DataSource } from 'typeorm';

import { MIGRATIONS } from './migrations';
import { provisionRoles } from './provision/provision';
import { type RolePasswords } from './provision/roles';

/** A short-lived owner connection that provisions the login roles and runs pending migrations. */
export async function migrateDatabase(ownerUrl: string, passwords: RolePasswords): Promise<string[]> {
  await provisionRoles(ownerUrl, passwords);
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
