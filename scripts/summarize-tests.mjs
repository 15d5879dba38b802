// Totals over every suite of the last `npm test`: Jest's JSON reports, Playwright's JSON report, and
// each failed step without a report of its own (lint, type-check, build) counted as one failure.
// Run directly, it prints the one line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function summarize(dir) {
  let passed = 0;
  let failed = 0;
  if (!existsSync(dir)) return { passed, failed: 1 };
  const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'steps.json');
  for (const file of files) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (typeof report.numPassedTests === 'number') {
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    } else if (report.stats) {
      passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected ?? 0;
    }
  }
  const stepsFile = join(dir, 'steps.json');
  const steps = existsSync(stepsFile) ? JSON.parse(readFileSync(stepsFile, 'utf8')) : [];
  const reported = new Set(files.map((file) => file.replace(/\.json$/, '')));
  failed += steps.filter((step) => !step.ok && !reported.has(step.name)).length;
  if (steps.length === 0) failed += 1;
  return { passed, failed };
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const { passed, failed } = summarize(resolve(fileURLToPath(import.meta.url), '..', '..', 'test-results'));
  console.log(`${passed} passed, ${failed} failed`);
}
