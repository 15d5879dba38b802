import { Client } from 'pg';

import { APP_ROLE, MEDICAL_ROLE, type RolePasswords } from './roles';

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
 * Creates (or updates the passwords of) the application role and the medical role. Roles belong
 * to the whole cluster, so parallel test databases may race here: a concurrent creation is fine.
 */
export async function provisionRoles(ownerUrl: string, passwords: RolePasswords): Promise<void> {
  if (passwords.app === passwords.medical) {
    throw new Error('The medical role needs a password of its own (R-MED-06)');
  }
  await retryingCatalogConflicts(() => provisionOnce(ownerUrl, APP_ROLE, passwords.app));
  await retryingCatalogConflicts(() => provisionOnce(ownerUrl, MEDICAL_ROLE, passwords.medical));
}

async function provisionOnce(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const quotedPassword = `'${password.replace(/'/g, "''")}'`;
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${quotedPassword}`);
      } catch (error) {
        if (!isPgError(error) || (error.code !== DUPLICATE_OBJECT && error.code !== UNIQUE_VIOLATION))
          throw error;
      }
    }
    // NOBYPASSRLS: row-level security on the medical tables must hold for these roles.
    await client.query(
      `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quotedPassword}`,
    );
    const db = await client.query<{ db: string }>('SELECT current_database() AS db');
    const database = db.rows[0].db.replace(/"/g, '""');
    await client.query(`GRANT CONNECT ON DATABASE "${database}" TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  } finally {
    await client.end();
  }
}

/** A connection string for `role`: the owner's host and database, logged in as that role. */
export function roleUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/** The application's connection string: the owner's host and database, logged in as APP_ROLE. */
export function appRoleUrl(ownerUrl: string, appPassword: string): string {
  return roleUrl(ownerUrl, APP_ROLE, appPassword);
}

/** The medical module's connection string, logged in as MEDICAL_ROLE. */
export function medicalRoleUrl(ownerUrl: string, medicalPassword: string): string {
  return roleUrl(ownerUrl, MEDICAL_ROLE, medicalPassword);
}
