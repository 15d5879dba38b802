// Starts one real PostgreSQL for the whole integration run (or uses TEST_DATABASE_URL's server).
// Each test file then creates and migrates its own database on it (see test-context.ts).
import { randomBytes } from 'node:crypto';

import { freePort, startEmbeddedPostgres, throwawayDataDir } from '../../scripts/lib/embedded-pg.mjs';

export default async function globalSetup() {
  process.env.WERKPAD_TEST_APP_PASSWORD = randomBytes(18).toString('base64url');
  process.env.WERKPAD_TEST_MEDICAL_PASSWORD = randomBytes(18).toString('base64url');
  if (process.env.TEST_DATABASE_URL) {
    process.env.WERKPAD_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const password = randomBytes(12).toString('base64url');
  const server = await startEmbeddedPostgres({
    dataDir: throwawayDataDir('it'),
    port: await freePort(),
    password,
    persistent: false,
  });
  globalThis.__WERKPAD_TEST_PG__ = server;
  process.env.WERKPAD_TEST_ADMIN_URL = server.url;
}
