// npm run bench: load tests of the compiled backend against a throwaway, seeded PostgreSQL, each
// next to a "floor" (scripts/bench/floor-server.mjs) that does the same SQL without the framework.
// Flags: --clients N, --notes N, --duration S, --connections C, --scenario NAME[,NAME], --explain
// (see scripts/bench/options.mjs and docs/benchmarks.md).
// Exit code 1 when a scenario could not run, got non-2xx answers, seeding 100k took too long, or
// the audit chain is broken after the run.
import { buildProjects } from './lib/build.mjs';
import { cpuSnapshot, foreignShare } from './bench/cpu-share.mjs';
import { verifyAuditChain } from './bench/audit-verify.mjs';
import { runLoad } from './bench/load.mjs';
import { startLockSampler } from './bench/lock-sampler.mjs';
import { readOptions } from './bench/options.mjs';
import {
  isFlagged,
  printFlags,
  printForeignCpu,
  printAuditCosts,
  printLockWaits,
  printMachine,
  printMemory,
  printNotes,
  printTable,
} from './bench/report.mjs';
import { printPlans } from './bench/plans.mjs';
import {
  buildScenarios,
  EXPERTISE_SCENARIOS,
  NAME_FRAGMENT,
  SEARCH_PREFIX,
  TOKEN_ACCOUNTS,
} from './bench/scenarios.mjs';
import { BenchStack, PASSWORD } from './bench/stack.mjs';

// 100k clients with 10 dossier entries each (1M entries) and their trajectories and payroll data.
const SEED_BUDGET = { clients: 100_000, seconds: 150 };
const WARMUP_SECONDS = 2;

// `npm run bench -- --destruction N`: one destruction run over N due dossiers (scripts/bench/destruction.mjs).
if (process.argv.slice(2).includes('--destruction')) {
  const { main: destruction } = await import('./bench/destruction.mjs');
  process.exit(await destruction());
}
// `npm run bench -- --reports N`: N progress-report PDFs of five pages (scripts/bench/reports.mjs).
if (process.argv.slice(2).includes('--reports')) {
  const { main: reports } = await import('./bench/reports.mjs');
  process.exit(await reports());
}
// `npm run bench -- --audit-events N …`: the FG's access-log search on N synthetic audit events
// instead (scripts/bench/audit-scale.mjs; docs/benchmarks.md).
if (process.argv.slice(2).some((arg) => arg.startsWith('--audit-events'))) {
  const { main: auditScale } = await import('./bench/audit-scale.mjs');
  process.exit(await auditScale());
}
const options = readOptions();
buildProjects(['backend']);

const stack = new BenchStack();
// Whatever ends the run (error, Ctrl+C, kill), nothing it started may outlive it.
process.on('exit', () => stack.killNow());
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => void stack.stop().finally(() => process.exit(code)));
}

async function accessToken(baseUrl, username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`Login of ${username} answered ${response.status}`);
  return (await response.json()).accessToken;
}

/** Seeds and prints the time; true when it stayed within the budget for 100k clients. */
async function seed() {
  const result = await stack.seed(options.clients, options.notes);
  const overBudget = options.clients >= SEED_BUDGET.clients && result.seconds >= SEED_BUDGET.seconds;
  console.log(
    `${overBudget ? '! ' : ''}Seed: ${options.clients} clients, ${options.notes} dossier entries each, in ` +
      `${result.seconds.toFixed(1)} s wall-clock (seed CLI incl. migrations and one argon2 hash; ` +
      `budget: 100k in < ${SEED_BUDGET.seconds} s)`,
  );
  console.log(`  CLI: ${result.summary}`);
  return !overBudget;
}

/** Sizes that explain the figures, and the client whose file the client-file scenarios read. */
async function printDataSize() {
  const [row] = await stack.query(
    `SELECT count(*) AS caseload,
            count(*) FILTER (WHERE c.search_name LIKE '%' || werkpad_fold($1) || '%') AS matches,
            count(*) FILTER (WHERE c.search_name LIKE '%' || werkpad_fold($2) || '%') AS fragment,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = c.id
                                             AND t.type = 'bemiddeling' AND t.status = 'open')) AS bemiddeling
       FROM client c JOIN app_user u ON u.id = c.coach_id WHERE u.username = 'coach1'`,
    [SEARCH_PREFIX, NAME_FRAGMENT],
  );
  const [sizes] = await stack.query(
    `SELECT (SELECT count(*) FROM trajectory) AS trajectories, (SELECT count(*) FROM dossier_entry) AS entries`,
  );
  console.log(
    `coach1's caseload: ${row.caseload} clients; ${row.matches} match "${SEARCH_PREFIX}", ${row.fragment} ` +
      `match "${NAME_FRAGMENT}", ${row.bemiddeling} have an open bemiddeling trajectory. ` +
      `All clients: ${sizes.trajectories} trajectories, ${sizes.entries} dossier entries.`,
  );
  const [client] = await stack.query(
    `SELECT c.id FROM client c JOIN app_user u ON u.id = c.coach_id
      WHERE u.username = 'coach1' AND 'bemiddeling' = ANY (c.open_trajectory_types)
      ORDER BY c.last_name, c.first_name, c.id LIMIT 1`,
  );
  return client?.id ?? null;
}

/**
 * What the expertise scenarios read, and the trajectory of `medical-records`: expertise1's first
 * open arbeidsdiagnose (by start date) that has medical records.
 */
async function printExpertiseSize() {
  const [row] = await stack.query(
    `SELECT count(t.id) AS trajectories, count(t.id) FILTER (WHERE t.status = 'open') AS open,
            (SELECT count(*) FROM medical.medical_record r
               JOIN trajectory rt ON rt.id = r.trajectory_id WHERE rt.expertise_user_id = u.id) AS records,
            (SELECT count(*) FROM medical.medical_record) AS all_records
       FROM app_user u LEFT JOIN trajectory t ON t.expertise_user_id = u.id AND t.type = 'arbeidsdiagnose'
      WHERE u.username = $1 GROUP BY u.id`,
    [TOKEN_ACCOUNTS.expertise],
  );
  const [trajectory] = await stack.query(
    `SELECT t.id, (SELECT count(*) FROM medical.medical_record r WHERE r.trajectory_id = t.id) AS records
       FROM trajectory t JOIN app_user u ON u.id = t.expertise_user_id
      WHERE u.username = $1 AND t.type = 'arbeidsdiagnose' AND t.status = 'open'
        AND EXISTS (SELECT 1 FROM medical.medical_record r WHERE r.trajectory_id = t.id)
      ORDER BY t.start_date, t.id LIMIT 1`,
    [TOKEN_ACCOUNTS.expertise],
  );
  console.log(
    `${TOKEN_ACCOUNTS.expertise}: ${row?.trajectories ?? 0} assigned arbeidsdiagnoses (${row?.open ?? 0} open) ` +
      `with ${row?.records ?? 0} medical records (${row?.all_records ?? 0} in all); medical-records reads ` +
      `${trajectory ? `${trajectory.records} records of trajectory ${trajectory.id}` : 'nothing (none found)'}.`,
  );
  return trajectory?.id ?? null;
}

/** BENCH_SETUP_SQL: statements to try (an index, say) on the seeded database, then fresh statistics. */
async function runSetupSql() {
  if (!options.setupSql.trim()) return;
  console.log(`BENCH_SETUP_SQL: ${options.setupSql}`);
  const started = performance.now();
  await stack.query(options.setupSql);
  await stack.query('ANALYZE');
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * One measured run, with the CPU use of other processes on the machine, and the audit-lock queue
 * sampled alongside when the scenario asks for it.
 */
async function measuredRun(baseUrl, scenario, load) {
  const sampler = scenario.auditLock ? await startLockSampler(stack.ownerUrl) : null;
  const before = cpuSnapshot();
  const result = await runLoad(baseUrl, { request: scenario.request, ...load });
  result.foreignCpu = foreignShare(before, cpuSnapshot());
  if (sampler) {
    result.lockWaiting = await sampler.stop();
    result.lockWaitMs = (result.lockWaiting / result.perSecond) * 1000;
  }
  return result;
}

/** App first, then floor, with the same load; an error ends only this scenario. */
async function measure(scenario) {
  const row = { name: scenario.name };
  try {
    if (scenario.unavailable) throw new Error(scenario.unavailable);
    for (const [side, baseUrl] of [
      ['app', stack.appUrl],
      ['floor', stack.floorUrl],
    ]) {
      const load = scenario.load();
      if (scenario.warmup) {
        await runLoad(baseUrl, {
          request: scenario.request,
          connections: load.connections,
          duration: WARMUP_SECONDS,
        });
      }
      row[side] = await measuredRun(baseUrl, scenario, load);
    }
    if (scenario.floorWithoutAudit) {
      const request = {
        ...scenario.request,
        headers: { ...scenario.request.headers, 'x-floor-audit': 'off' },
      };
      row.floorNoAudit = await measuredRun(stack.floorUrl, { ...scenario, request }, scenario.load());
      const load = scenario.load();
      if (scenario.warmup) {
        await runLoad(stack.appWithoutAuditUrl, {
          request: scenario.request,
          connections: load.connections,
          duration: WARMUP_SECONDS,
        });
      }
      row.appNoAudit = await measuredRun(stack.appWithoutAuditUrl, scenario, load);
    }
  } catch (error) {
    row.error = error.message;
  }
  return row;
}

async function main() {
  console.log(
    `Werkpad benchmark: ${options.clients} clients, ${options.duration} s per run, ` +
      `${options.connections} connections, scenarios: ${options.scenarios.join(', ')}`,
  );
  await stack.startDatabase();
  const seedOk = await seed();
  await runSetupSql();
  const clientId = await printDataSize();
  const trajectoryId = await printExpertiseSize();
  if (options.explain) await printPlans(stack, { clientId, trajectoryId });
  await stack.startServer();
  await stack.startFloor();
  // Both tokens are taken before any run; their accounts are not among the login run's (scenarios.mjs).
  const expertise = options.scenarios.filter((name) => EXPERTISE_SCENARIOS.includes(name));
  const coach = options.scenarios.filter((name) => name !== 'login' && !expertise.includes(name));
  const token = coach.length > 0 ? await accessToken(stack.appUrl, TOKEN_ACCOUNTS.coach) : null;
  const expertiseToken =
    expertise.length > 0 ? await accessToken(stack.appUrl, TOKEN_ACCOUNTS.expertise) : null;
  const scenarios = buildScenarios({
    token,
    expertiseToken,
    password: PASSWORD,
    clientId,
    trajectoryId,
    ...options,
  }).filter((scenario) => options.scenarios.includes(scenario.name));
  if (scenarios.some((scenario) => scenario.floorWithoutAudit)) await stack.startServerWithoutAudit();
  const rows = [];
  for (const scenario of scenarios) {
    console.log(`Running ${scenario.name}: ${scenario.title}…`);
    rows.push(await measure(scenario));
    stack.assertAlive();
  }
  const memory = stack.memory();
  const [{ server_version: postgresVersion }] = await stack.query('SHOW server_version');
  const [{ count: auditRows }] = await stack.query('SELECT count(*) FROM audit_event');

  console.log('');
  printMachine({ postgresVersion, date: new Date().toISOString() });
  console.log('');
  printTable(rows);
  printFlags(rows);
  printForeignCpu(rows);
  printNotes(options.scenarios);
  printLockWaits(rows);
  printAuditCosts(rows);
  console.log('');
  printMemory(memory);
  console.log(`audit_event rows after the run (app, floor and warm-ups): ${auditRows}`);
  const chain = await verifyAuditChain(stack);
  console.log(
    chain.ok
      ? `Audit chain intact: ${chain.checked} rows verified (as npm run audit:verify)`
      : `! Audit chain broken at seq ${chain.firstBrokenSeq}: ${chain.reason}`,
  );
  return seedOk && chain.ok && !rows.some(isFlagged) ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!stack.stopping) console.error(`Benchmark failed: ${error.message}`);
} finally {
  await stack.stop();
}
process.exit(exitCode);
