import { spawnSync } from 'node:child_process';

import { ROOT } from './dev-env.mjs';

/** Builds the given projects through Nx; its cache makes a build of unchanged code take a second. */
export function buildProjects(projects) {
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=static'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (result.status !== 0) {
    console.error('De build is mislukt; zie hierboven.');
    process.exit(result.status ?? 1);
  }
}
