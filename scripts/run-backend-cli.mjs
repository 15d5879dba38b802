// Runs one of the backend's command-line tools (backend/src/cli) against DATABASE_URL or, when that is
// not set, against the development database (started for the duration of the command if needed).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { buildProjects } from './lib/build.mjs';
import { backendEnv, devSecrets, ROOT, startDevDatabase } from './lib/dev-env.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('gebruik: node scripts/run-backend-cli.mjs <migrate|seed-demo|audit-verify> [opties]');
  process.exit(2);
}
buildProjects(['backend']);
let database = null;
let env;
if (process.env.DATABASE_URL) {
  // Outside production the generated development secrets fill in what the environment leaves out.
  env = backendEnv(process.env.DATABASE_URL, process.env.NODE_ENV === 'production' ? null : devSecrets());
} else {
  database = await startDevDatabase();
  env = backendEnv(database.databaseUrl, database.secrets);
}
const result = spawnSync(
  process.execPath,
  [join(ROOT, 'dist/backend/backend/src/cli', `${command}.js`), ...args],
  {
    stdio: 'inherit',
    env,
  },
);
if (database) await database.stop();
process.exit(result.status ?? 1);
