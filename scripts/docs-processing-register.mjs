// npm run docs:register: regenerates docs/processing-register.md from the rule data (no database needed).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { buildProjects } from './lib/build.mjs';
import { ROOT } from './lib/dev-env.mjs';

buildProjects(['backend']);
const result = spawnSync(
  process.execPath,
  [join(ROOT, 'dist/backend/backend/src/cli/processing-register-doc.js')],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
