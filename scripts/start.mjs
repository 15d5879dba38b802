// npm start: builds what is needed and serves everything on http://localhost:$PORT (default 3000).
// Without DATABASE_URL it runs an embedded PostgreSQL with its data in .data/ and loads demo data on
// the first run; with DATABASE_URL it uses that server and loads no demo data.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { buildProjects } from './lib/build.mjs';
import { backendEnv, DEMO_PASSWORD, devSecrets, ROOT, startDevDatabase } from './lib/dev-env.mjs';

const port = process.env.PORT ?? '3000';
const production = process.env.NODE_ENV === 'production';
const DEMO_USERS = ['admin1', 'coach1', 'coach2', 'income1', 'expertise1', 'payroll1', 'dpo1', 'management1'];

if (process.env.WERKPAD_SKIP_BUILD !== 'true') buildProjects(['backend', 'frontend']);

let database = null;
let env;
let seeded = false;
if (process.env.DATABASE_URL) {
  env = backendEnv(process.env.DATABASE_URL, production ? null : devSecrets());
} else {
  console.log('Ingebouwde PostgreSQL starten…');
  database = await startDevDatabase();
  env = backendEnv(database.databaseUrl, database.secrets);
  if (database.created) {
    const seed = spawnSync(
      process.execPath,
      [join(ROOT, 'dist/backend/backend/src/cli/seed-demo.js'), '--clients', '250'],
      {
        stdio: 'inherit',
        env: { ...env, DEMO_PASSWORD },
      },
    );
    if (seed.status !== 0) {
      await database.stop();
      process.exit(seed.status ?? 1);
    }
    seeded = true;
  }
}

const server = spawn(process.execPath, [join(ROOT, 'dist/backend/backend/src/main.js')], {
  stdio: 'inherit',
  env: {
    ...env,
    PORT: port,
    FRONTEND_DIST: join(ROOT, 'dist/frontend/browser'),
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  },
});

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  if (database) await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.on('exit', (code) => void shutdown(code ?? 1));

// Announce once the server answers, so the printed URL works when it is read.
for (let attempt = 0; attempt < 120 && !stopping; attempt++) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
if (!stopping) {
  console.log(`\nWerkpad draait op http://localhost:${port}  (API: /api, documentatie: /api/docs)`);
  if (database && !production) {
    console.log(`Demo-accounts${seeded ? ' (zojuist aangemaakt)' : ''}: ${DEMO_USERS.join(', ')}`);
    console.log(`Wachtwoord voor alle demo-accounts: ${DEMO_PASSWORD}  (alleen voor ontwikkeling)`);
  }
  console.log('Stoppen: Ctrl+C\n');
}
