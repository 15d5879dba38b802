import { Client } from 'pg';

import { APP_ROLE } from './roles';

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

function isPgError(error: unknown): error is { code: string; message: string } {
  return typeof error === 'object' && error !== null && 'code' in error;
}

/**
 * Roles live in the cluster-wide catalog: two processes provisioning at once (two app instances
 * booting, parallel test workers) can collide on the same catalog row. Such a collision is retried.
 */
async function retryingCatalogConflicts(work: () => Promise<void>, attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const conflict = isPgError(error) && /tuple concurrently (updated|deleted)/.test(error.message);
      if (!conflict || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

/**
 * Creates (or updates the password of) the application role. Roles belong to the whole cluster,
 * so parallel test databases may race here: a concurrent creation is fine.
 */
export async function provisionAppRole(ownerUrl: string, appPassword: string): Promise<void> {
  await retryingCatalogConflicts(() => provisionOnce(ownerUrl, appPassword));
}

async function provisionOnce(ownerUrl: string, appPassword: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const quotedPassword = `'${appPassword.replace(/'/g, "''")}'`;
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${quotedPassword}`);
      } catch (error) {
        if (!isPgError(error) || (error.code !== DUPLICATE_OBJECT && error.code !== UNIQUE_VIOLATION))
          throw error;
      }
    }
    await client.query(
      `ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${quotedPassword}`,
    );
    const db = await client.query<{ db: string }>('SELECT current_database() AS db');
    const database = db.rows[0].db.replace(/"/g, '""');
    await client.query(`GRANT CONNECT ON DATABASE "${database}" TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}

/** The application's connection string: the owner's host and database, logged in as APP_ROLE. */
export function appRoleUrl(ownerUrl: string, appPassword: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appPassword;
  return url.toString();
}
