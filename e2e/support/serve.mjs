// Runs `npm start`'s launcher on a fresh, throwaway data folder and PostgreSQL port, so the e2e run
// starts from the same demo data every time and never touches the developer's .data folder.
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from '../../scripts/lib/embedded-pg.mjs';

const dataDir = join('/tmp', `werkpad-e2e-${process.pid}-${Date.now()}`);
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755);
process.env.WERKPAD_DATA_DIR = dataDir;
process.env.WERKPAD_PG_PORT = String(await freePort());
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

await import('../../scripts/start.mjs');
