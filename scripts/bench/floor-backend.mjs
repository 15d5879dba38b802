// What the floor shares with the app: the same least-privileged database login and pool size, and
// the compiled helpers of the backend and the shared library, so the floor decrypts exactly as the
// app does and its audit rows keep the hash chain valid. They are read from dist/, which
// scripts/bench.mjs builds first.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import pg from 'pg';

import { ROOT } from '../lib/dev-env.mjs';

const require = createRequire(import.meta.url);
export const { canonicalAuditRecord, subjectRef } = require(
  join(ROOT, 'dist/backend/backend/src/audit/audit-chain.js'),
);
const pseudonymKey = Buffer.from(process.env.AUDIT_PSEUDONYM_KEY ?? '', 'base64');
/** AuditService.refFor: the keyed reference of a client in the log (chain version 2). */
export const refFor = (clientId) => subjectRef(pseudonymKey, clientId);
const { FieldCrypto } = require(join(ROOT, 'dist/backend/backend/src/common/crypto/field-crypto.js'));
/** @werkpad/shared as the backend's build compiles it: pure functions and constants, no crypto. */
export const shared = require(join(ROOT, 'dist/backend/shared/src/index.js'));

export const fieldCrypto = new FieldCrypto(process.env.FIELD_ENCRYPTION_KEY, process.env.BLIND_INDEX_KEY);
// Same size as the app's TypeORM pool, and the same least-privileged login (werkpad_app).
export const pool = new pg.Pool({
  connectionString: process.env.FLOOR_DATABASE_URL,
  max: 20,
  application_name: 'werkpad-floor',
});
