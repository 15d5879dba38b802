// npm test: the complete suite, in the order a failure is cheapest to find. Every step runs even when
// an earlier one failed, so one run shows everything; the exit code is non-zero if any step failed.
// Test counts go to test-results/*.json and are summed by scripts/summarize-tests.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './lib/dev-env.mjs';
import { summarize } from './summarize-tests.mjs';

const RESULTS = join(ROOT, 'test-results');
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};
const only = process.argv.slice(2);
const steps = [];

function run(name, command, args, options = {}) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...env, ...options.env } });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  steps.push({ name, ok: result.status === 0, seconds });
  console.log(`=== ${name}: ${result.status === 0 ? 'geslaagd' : 'MISLUKT'} (${seconds} s)`);
}

function jest(name, config) {
  run(name, 'npx', ['jest', '-c', config, '--ci', '--json', `--outputFile=${join(RESULTS, `${name}.json`)}`]);
}

/** Debian's Chromium for the browser tests; installed on a fresh machine, never downloaded by a test tool. */
function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    console.error(
      'Chromium ontbreekt: installeer het Debian-pakket `chromium` (apt-get install -y chromium).',
    );
    return;
  }
  console.log('Chromium installeren (Debian-pakket)…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
if (only.length === 0 || only.includes('e2e')) ensureChromium();

run('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--output-style=static', '--skip-nx-cache']);
run('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=static', '--skip-nx-cache']);
jest('unit-shared', 'shared/jest.config.cjs');
jest('unit-db', 'db/jest.config.cjs');
jest('unit-backend', 'backend/jest.config.cjs');
jest('unit-frontend', 'frontend/jest.config.ts');
jest('integration', 'backend/jest.integration.config.cjs');
run('build', 'npx', [
  'nx',
  'run-many',
  '-t',
  'build',
  '--projects=backend,frontend',
  '--output-style=static',
  '--skip-nx-cache',
]);
run('e2e', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(RESULTS, 'e2e.json') },
});

writeFileSync(join(RESULTS, 'steps.json'), JSON.stringify(steps, null, 2));
console.log('\nStappen:');
for (const step of steps)
  console.log(`  ${step.ok ? 'ok     ' : 'MISLUKT'} ${step.name} (${step.seconds} s)`);
const { passed, failed } = summarize(RESULTS);
console.log(`Tests: ${passed} geslaagd, ${failed} mislukt`);
process.exit(steps.every((step) => step.ok) ? 0 : 1);
