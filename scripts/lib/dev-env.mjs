// The local, zero-set-up environment: a git-ignored .data folder with generated secrets and the
// embedded PostgreSQL's data, reused across restarts.
import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureDatabase, reachableByPostgres, startEmbeddedPostgres, withDatabase } from './embedded-pg.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = process.env.WERKPAD_DATA_DIR ?? join(ROOT, '.data');
export const DEMO_PASSWORD = 'Werkpad-demo-2026';
export const DEV_PG_PORT = Number(process.env.WERKPAD_PG_PORT ?? 54329);

const SECRET_GENERATORS = {
  pgPassword: () => randomBytes(18).toString('base64url'),
  dbAppPassword: () => randomBytes(18).toString('base64url'),
  dbMedicalPassword: () => randomBytes(18).toString('base64url'),
  jwtSecret: () => randomBytes(48).toString('base64url'),
  fieldEncryptionKey: () => randomBytes(32).toString('base64'),
  blindIndexKey: () => randomBytes(32).toString('base64'),
  medicalEncryptionKey: () => randomBytes(32).toString('base64'),
  auditCheckpointKey: () => randomBytes(32).toString('base64'),
  auditPseudonymKey: () => randomBytes(32).toString('base64'),
};

/**
 * Secrets generated on first start and kept in .data/secrets.json (mode 0600), development only.
 * A secret added in a later version is generated into an existing file; existing ones never change.
 */
export function devSecrets() {
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  const file = join(DATA_DIR, 'secrets.json');
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const missing = Object.keys(SECRET_GENERATORS).filter((name) => !existing[name]);
  if (missing.length === 0) return existing;
  const secrets = { ...existing };
  for (const name of missing) secrets[name] = SECRET_GENERATORS[name]();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function pgDataDir() {
  const preferred = join(DATA_DIR, 'postgres');
  if (reachableByPostgres(DATA_DIR)) return preferred;
  // PostgreSQL runs as the `postgres` user, which cannot enter a project kept under a private folder.
  const fallback = join(
    '/var/tmp',
    `werkpad-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}`,
    'postgres',
  );
  console.warn(`De map ${DATA_DIR} is niet bereikbaar voor de gebruiker postgres; database in ${fallback}.`);
  return fallback;
}

/** Starts (or reuses) the development database and returns the owner URL of database `werkpad`. */
export async function startDevDatabase() {
  const secrets = devSecrets();
  const server = await startEmbeddedPostgres({
    dataDir: pgDataDir(),
    port: DEV_PG_PORT,
    password: secrets.pgPassword,
    ownerFile: join(DATA_DIR, 'postgres.owner'),
  });
  const created = await ensureDatabase(server.url, 'werkpad');
  return { ...server, databaseUrl: withDatabase(server.url, 'werkpad'), created, secrets };
}

/** The environment the backend needs, from the developer's env with generated secrets as fallback. */
export function backendEnv(databaseUrl, secrets) {
  return {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: databaseUrl,
    DB_APP_PASSWORD: process.env.DB_APP_PASSWORD ?? secrets?.dbAppPassword,
    DB_MEDICAL_PASSWORD: process.env.DB_MEDICAL_PASSWORD ?? secrets?.dbMedicalPassword,
    JWT_SECRET: process.env.JWT_SECRET ?? secrets?.jwtSecret,
    FIELD_ENCRYPTION_KEY: process.env.FIELD_ENCRYPTION_KEY ?? secrets?.fieldEncryptionKey,
    BLIND_INDEX_KEY: process.env.BLIND_INDEX_KEY ?? secrets?.blindIndexKey,
    MEDICAL_ENCRYPTION_KEY: process.env.MEDICAL_ENCRYPTION_KEY ?? secrets?.medicalEncryptionKey,
    AUDIT_CHECKPOINT_KEY: process.env.AUDIT_CHECKPOINT_KEY ?? secrets?.auditCheckpointKey,
    AUDIT_PSEUDONYM_KEY: process.env.AUDIT_PSEUDONYM_KEY ?? secrets?.auditPseudonymKey,
    // Outside the database, beside it in .data (in production: a separate, write-once location).
    AUDIT_CHECKPOINT_DIR: process.env.AUDIT_CHECKPOINT_DIR ?? join(DATA_DIR, 'audit-checkpoints'),
  };
}
