// The FG's access-log search on a large log (issue 6, item 10): a generator that fills audit_event
// with N synthetic events (default 10 000 000) in the throwaway benchmark database, the scenarios
// `log-by-client` and `log-by-user` (GET /api/access-log as dpo1, target p95 ≤ 100 ms), and
// `audit-cost`: the same read with and without its audit row, in one run.
//
//   npm run bench -- --audit-events N [--clients N] [--duration S] [--connections C]
//                    [--scenario log-by-client,log-by-user,audit-cost] [--explain]
//
// (scripts/bench.mjs hands a run with --audit-events to main() below; the other scenarios of the
// bench do not run then.)
//
// The generated rows are NOT hash-chained (prev_hash NULL, a dummy hash): `audit:verify` fails on
// this database by design. They exist only in the benchmark's own PostgreSQL, which is thrown away
// at the end of the run, and never in a development or production database.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

import otplib from 'otplib';
import pg from 'pg';

import { buildProjects } from '../lib/build.mjs';
import { cpuSnapshot, foreignShare } from './cpu-share.mjs';
import { runLoad } from './load.mjs';
import { isFlagged, printFlags, printMachine, printMemory } from './report.mjs';
import { BenchStack, PASSWORD } from './stack.mjs';

export const AUDIT_SCENARIO_NAMES = ['log-by-client', 'log-by-user', 'audit-cost'];
export const DEFAULT_AUDIT_EVENTS = 10_000_000;
/** The FG demo account; its TOTP secret is the demo one (scripts/demo-totp.mjs, db/seeds/synthetic-mfa.ts). */
const FG_ACCOUNT = 'dpo1';
const DEMO_TOTP_SECRET = 'WERKPADDEMOFGTOTPSECRETDEMOONLY2';
/** Staff besides the demo accounts who appear in the synthetic log (a municipality's worth). */
const SYNTHETIC_STAFF = 200;
/** The log spans two years; occurred_at grows with seq, as in a real log. */
const SPAN_DAYS = 730;
const CHUNK_ROWS = 1_000_000;
const TARGET_P95_MS = 100;
const WARMUP_SECONDS = 2;

const totp = otplib.authenticator.clone({ step: 30, digits: 6, window: 1 });

/**
 * dpo1's access token. Log readers sign in with a second factor: the password step answers an
 * MfaChallenge, then the demo TOTP code (or, for an account not yet enrolled, enrolment first).
 */
export async function fgAccessToken(baseUrl, username = FG_ACCOUNT) {
  const post = async (path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} for ${username} answered ${response.status}`);
    return response.json();
  };
  const login = await post('/api/auth/login', { username, password: PASSWORD });
  if (login.accessToken) return login.accessToken;
  let secret = DEMO_TOTP_SECRET;
  if (login.mfa === 'enroll') {
    secret = (await post('/api/auth/mfa/enrollment', { mfaToken: login.mfaToken })).secret;
  }
  const verified = await post('/api/auth/mfa/verify', {
    mfaToken: login.mfaToken,
    code: totp.generate(secret),
  });
  return verified.accessToken;
}

/** Runs `work` on one owner connection (session settings such as maintenance_work_mem stick). */
async function asOwner(stack, work) {
  const client = new pg.Client({ connectionString: stack.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const seconds = (started) => (performance.now() - started) / 1000;

/**
 * Inserts `count` synthetic events with INSERT … SELECT generate_series, as the owner. The search
 * indexes are dropped first and built again afterwards (the same definitions, read from the
 * catalogue), which is much faster than maintaining two GIN and six btree indexes row by row.
 * Each row names one client (every tenth a search naming three) and one of the demo users or
 * SYNTHETIC_STAFF other staff; actions, categories, results and grounds vary like a real log
 * (1 in 200 denied, 1 in 1000 under emergency access).
 */
export async function generateAuditEvents(stack, count, log = console.log) {
  return asOwner(stack, async (db) => {
    const started = performance.now();
    await db.query(`SET maintenance_work_mem = '1GB'`);
    await db.query('SET max_parallel_maintenance_workers = 2');
    const { rows: constraints } = await db.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = 'audit_event'::regclass AND contype = 'u'`,
    );
    const { rows: indexes } = await db.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = 'audit_event'
          AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'audit_event'::regclass)`,
    );
    for (const { conname } of constraints)
      await db.query(`ALTER TABLE audit_event DROP CONSTRAINT ${conname}`);
    for (const { indexname } of indexes) await db.query(`DROP INDEX ${indexname}`);

    const insertStarted = performance.now();
    // Clients numbered 0…n-1 for a hash join (subscripting a large array per row is slow: it is
    // de-toasted at every access).
    await db.query(
      `CREATE TEMP TABLE bench_client AS SELECT (row_number() OVER (ORDER BY id) - 1)::bigint AS k, id FROM client`,
    );
    await db.query('ANALYZE bench_client');
    const { rows: clientRows } = await db.query('SELECT count(*)::bigint AS n FROM bench_client');
    const clientCount = Number(clientRows[0].n);
    const { rows: staffRows } = await db.query('SELECT count(*)::int AS n FROM app_user');
    const staff = staffRows[0].n + SYNTHETIC_STAFF;
    const step = `${((SPAN_DAYS * 86_400_000) / count).toFixed(3)} milliseconds`;
    for (let first = 1; first <= count; first += CHUNK_ROWS) {
      const last = Math.min(count, first + CHUNK_ROWS - 1);
      await db.query(
        `WITH demo AS (SELECT array_agg(id ORDER BY username) AS ids, array_agg(username ORDER BY username) AS names,
                              array_agg(array_to_string(roles, ',') ORDER BY username) AS roles,
                              count(*)::int AS n FROM app_user)
         INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type,
           object_id, categories, action, result, ground, route, http_status, ip, user_agent, request_id,
           details, prev_hash, hash)
         SELECT gen_random_uuid(),
                now() - interval '${SPAN_DAYS} days' + (g - 1)::float8 * $3::interval,
                CASE WHEN u <= d.n THEN d.ids[u] ELSE md5('bench-staff-' || u)::uuid END,
                CASE WHEN u <= d.n THEN d.names[u] ELSE 'medewerker' || u END,
                CASE WHEN u <= d.n THEN string_to_array(d.roles[u], ',')
                     ELSE ARRAY[(ARRAY['coach', 'income_consultant', 'expertise', 'payroll'])[1 + u % 4]] END,
                CASE WHEN g % 10 = 0 THEN ARRAY[c1.id, c2.id, c3.id] ELSE ARRAY[c1.id] END,
                CASE WHEN g % 10 = 0 THEN 'Client' WHEN g % 4 = 1 THEN 'DossierEntry' ELSE 'Client' END,
                CASE WHEN g % 10 = 0 THEN NULL ELSE c1.id::text END,
                CASE g % 5 WHEN 0 THEN ARRAY['identity', 'contact', 'progress'] WHEN 1 THEN ARRAY['coaching_notes']
                           WHEN 2 THEN ARRAY['identity', 'benefit_impact'] WHEN 3 THEN ARRAY['work_history', 'education']
                           ELSE ARRAY['payroll', 'identity'] END,
                CASE WHEN g % 10 = 0 THEN 'search' WHEN g % 20 = 1 THEN 'update' WHEN g % 20 = 3 THEN 'create'
                     WHEN g % 500 = 7 THEN 'export' ELSE 'read' END,
                CASE WHEN g % 200 = 0 THEN 'denied' WHEN g % 5000 = 1 THEN 'failed' ELSE 'allowed' END,
                CASE WHEN g % 1000 = 0 THEN jsonb_build_object('kind', 'emergency', 'reference', md5(g::text)::uuid)
                     WHEN g % 3 = 0 THEN jsonb_build_object('kind', 'trajectory', 'reference', md5('t' || (g % 50000))::uuid)
                     ELSE jsonb_build_object('kind', 'role_policy', 'reference', 'clients.policy') END,
                CASE WHEN g % 10 = 0 THEN 'GET /api/clients' ELSE 'GET /api/clients/:id' END,
                CASE WHEN g % 200 = 0 THEN 404 ELSE 200 END,
                '10.20.' || (u % 250) || '.' || (1 + u % 200),
                'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Werkpad-bench',
                md5('r' || g),
                CASE WHEN g % 10 = 0 THEN jsonb_build_object('zoekterm', '[naam]', 'page', '1') END,
                NULL,
                decode(md5(g::text) || md5(g::text), 'hex')
           FROM generate_series($1::bigint, $2::bigint) g
          CROSS JOIN demo d
          CROSS JOIN LATERAL (SELECT (1 + g % $4)::int AS u) pick
          JOIN bench_client c1 ON c1.k = (g * 7919) % $5
          JOIN bench_client c2 ON c2.k = (g * 104729) % $5
          JOIN bench_client c3 ON c3.k = (g * 1299709) % $5`,
        [first, last, step, staff, clientCount],
      );
      log(`  ${last.toLocaleString('en')} rows inserted (${seconds(insertStarted).toFixed(0)} s)`);
    }
    const insertSeconds = seconds(insertStarted);

    const indexStarted = performance.now();
    for (const { conname, definition } of constraints) {
      await db.query(`ALTER TABLE audit_event ADD CONSTRAINT ${conname} ${definition}`);
    }
    for (const { indexname, indexdef } of indexes) {
      const one = performance.now();
      await db.query(indexdef);
      log(`  ${indexname} built in ${seconds(one).toFixed(1)} s`);
    }
    const indexSeconds = seconds(indexStarted);
    const vacuumStarted = performance.now();
    await db.query('VACUUM (ANALYZE) audit_event');
    const vacuumSeconds = seconds(vacuumStarted);
    const { rows: size } = await db.query(
      `SELECT pg_size_pretty(pg_table_size('audit_event')) AS heap,
              pg_size_pretty(pg_indexes_size('audit_event')) AS indexes,
              (SELECT count(*) FROM audit_event)::bigint AS total`,
    );
    return {
      count,
      insertSeconds,
      indexSeconds,
      vacuumSeconds,
      totalSeconds: seconds(started),
      heap: size[0].heap,
      indexes: size[0].indexes,
      total: Number(size[0].total),
    };
  });
}

/** A client and a user of typical volume, and how many log rows each has. */
export async function pickTargets(stack) {
  const [client] = await stack.query(
    `SELECT c.id FROM client c JOIN app_user u ON u.id = c.coach_id WHERE u.username = 'coach1'
      ORDER BY c.id LIMIT 1`,
  );
  const [user] = await stack.query(`SELECT id FROM app_user WHERE username = 'coach1'`);
  const [counts] = await stack.query(
    `SELECT (SELECT count(*) FROM audit_event WHERE subject_client_ids @> ARRAY[$1]::uuid[])::int AS client_rows,
            (SELECT count(*) FROM audit_event WHERE user_id = $2)::int AS user_rows`,
    [client.id, user.id],
  );
  return { clientId: client.id, userId: user.id, clientRows: counts.client_rows, userRows: counts.user_rows };
}

/** The two searches of AccessLogService.search (page of 50 newest first, capped count), per target. */
function searchStatements({ clientId, userId }) {
  const columns = `e.seq::text AS seq, e.occurred_at, e.user_id, e.username, e.roles, e.subject_client_ids,
    e.object_type, e.object_id, e.categories, e.action, e.result, e.ground, e.route, e.http_status`;
  const page = (where) =>
    `SELECT ${columns} FROM audit_event e WHERE ${where} ORDER BY e.occurred_at DESC, e.seq DESC LIMIT 50 OFFSET 0`;
  const count = (where) =>
    `SELECT count(*)::int AS total FROM (SELECT 1 FROM audit_event e WHERE ${where} LIMIT 10001) capped`;
  const byClient = 'e.subject_client_ids @> ARRAY[$1]::uuid[]';
  const byUser = 'e.user_id = $1';
  return [
    ['log-by-client: page', page(byClient), [clientId]],
    ['log-by-client: capped count', count(byClient), [clientId]],
    ['log-by-user: page', page(byUser), [userId]],
    ['log-by-user: capped count', count(byUser), [userId]],
  ];
}

export async function printAuditPlans(stack, targets) {
  console.log(
    '\nQuery plans of the access-log search (EXPLAIN (ANALYZE, BUFFERS), as the owner, one run each):',
  );
  for (const [label, sql, params] of searchStatements(targets)) {
    console.log(`-- ${label}`);
    for (const row of await stack.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) {
      console.log(`   ${row['QUERY PLAN']}`);
    }
  }
}

/**
 * The scenarios, in bench.mjs's shape: each runs against the app and the floor; `audit-cost` also
 * runs the floor without the audit row (x-floor-audit: off) and the app without it
 * (server-without-audit.mjs, a bench-only start of the compiled server whose AuditService writes
 * nothing: the real server has no such switch, R-AUD-01), so the row's cost is read in one run.
 */
export function buildAuditScenarios({ token, clientId, userId, connections, duration }) {
  const headers = { authorization: `Bearer ${token}` };
  const timed = { connections, duration };
  return [
    {
      name: 'log-by-client',
      title: `GET /api/access-log?clientId=…&pageSize=50 (dpo1; target p95 ≤ ${TARGET_P95_MS} ms)`,
      request: { method: 'GET', path: `/api/access-log?clientId=${clientId}&pageSize=50`, headers },
      load: () => timed,
      warmup: true,
      targetP95: TARGET_P95_MS,
    },
    {
      name: 'log-by-user',
      title: `GET /api/access-log?userId=…&pageSize=50 (dpo1; target p95 ≤ ${TARGET_P95_MS} ms)`,
      request: { method: 'GET', path: `/api/access-log?userId=${userId}&pageSize=50`, headers },
      load: () => timed,
      warmup: true,
      targetP95: TARGET_P95_MS,
    },
    {
      name: 'audit-cost',
      title: 'GET /api/access-log?userId=…&pageSize=50 with and without its audit row (app and floor)',
      request: { method: 'GET', path: `/api/access-log?userId=${userId}&pageSize=50`, headers },
      load: () => timed,
      warmup: true,
      floorWithoutAudit: true,
    },
  ];
}

async function measuredRun(baseUrl, request, load) {
  const before = cpuSnapshot();
  const result = await runLoad(baseUrl, { request, ...load });
  result.foreignCpu = foreignShare(before, cpuSnapshot());
  return result;
}

/** App, floor and (for audit-cost) floor without the audit row, with the same load. */
export async function measureAuditScenario(stack, scenario) {
  const row = { name: scenario.name, targetP95: scenario.targetP95 };
  try {
    const sides = [
      ['app', stack.appUrl, scenario.request],
      ['floor', stack.floorUrl, scenario.request],
    ];
    if (scenario.floorWithoutAudit) {
      const headers = { ...scenario.request.headers, 'x-floor-audit': 'off' };
      sides.push(['floorNoAudit', stack.floorUrl, { ...scenario.request, headers }]);
      sides.push(['appNoAudit', stack.appWithoutAuditUrl, scenario.request]);
    }
    for (const [side, baseUrl, request] of sides) {
      const load = scenario.load();
      if (scenario.warmup)
        await runLoad(baseUrl, { request, connections: load.connections, duration: WARMUP_SECONDS });
      row[side] = await measuredRun(baseUrl, request, load);
    }
  } catch (error) {
    row.error = error.message;
  }
  return row;
}

const ms = (value) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));
const rate = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const cpu = (result) => `${(result.foreignCpu * 100).toFixed(0)}%`;

export function printAuditResults(rows) {
  console.log('\nscenario        side                    req/s   p50 ms   p95 ms  non-2xx  other CPU');
  console.log('-'.repeat(84));
  for (const row of rows) {
    if (row.error) {
      console.log(`${row.name.padEnd(15)} could not run: ${row.error}`);
      continue;
    }
    for (const [side, label] of [
      ['app', 'app (audited)'],
      ['floor', 'floor (audited)'],
      ['floorNoAudit', 'floor without audit row'],
      ['appNoAudit', 'app without audit row'],
    ]) {
      const result = row[side];
      if (!result) continue;
      console.log(
        `${(side === 'app' ? row.name : '').padEnd(15)} ${label.padEnd(23)} ${rate(result.perSecond).padStart(6)} ` +
          `${ms(result.p50).padStart(8)} ${ms(result.p95).padStart(8)} ${String(result.non2xx + result.errors).padStart(8)} ` +
          `${cpu(result).padStart(10)}`,
      );
    }
    if (row.targetP95) {
      const ok = row.app.p95 <= row.targetP95;
      console.log(`${''.padEnd(15)} ${ok ? 'meets' : '! misses'} the target p95 ≤ ${row.targetP95} ms (app)`);
    }
    if (row.appNoAudit) {
      const loss = (1 - row.app.perSecond / row.appNoAudit.perSecond) * 100;
      console.log(
        `${''.padEnd(15)} the audit row costs the app ${loss.toFixed(0)}% of its throughput (target ≤ 10%)`,
      );
    }
    if (row.floorNoAudit) {
      const loss = (1 - row.floor.perSecond / row.floorNoAudit.perSecond) * 100;
      console.log(`${''.padEnd(15)} the audit row costs the floor ${loss.toFixed(0)}% of its throughput`);
    }
  }
}

function readCliOptions(args) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      'audit-events': { type: 'string', default: String(DEFAULT_AUDIT_EVENTS) },
      clients: { type: 'string', default: process.env.BENCH_CLIENTS ?? '10000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      scenario: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });
  const whole = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) {
      console.error(`--${name} expects a whole number ≥ 1, not "${values[name]}"`);
      process.exit(2);
    }
    return value;
  };
  const scenarios = values.scenario?.split(',').map((name) => name.trim()) ?? AUDIT_SCENARIO_NAMES;
  const unknown = scenarios.filter((name) => !AUDIT_SCENARIO_NAMES.includes(name));
  if (unknown.length > 0) {
    console.error(
      `--scenario must be one of ${AUDIT_SCENARIO_NAMES.join(', ')}, not "${unknown.join(', ')}"`,
    );
    process.exit(2);
  }
  return {
    auditEvents: whole('audit-events'),
    clients: whole('clients'),
    duration: whole('duration'),
    connections: whole('connections'),
    scenarios,
    explain: values.explain,
  };
}

/** The whole run on its own stack: seed, generate, explain, serve, measure, report. */
export async function runAuditScale(stack, options) {
  console.log(
    `Access-log benchmark: ${options.auditEvents.toLocaleString('en')} synthetic audit events, ` +
      `${options.clients} clients, ${options.duration} s per run, ${options.connections} connections`,
  );
  await stack.startDatabase();
  const seeded = await stack.seed(options.clients, 1);
  console.log(`Seed: ${options.clients} clients in ${seeded.seconds.toFixed(1)} s`);
  console.log(`Generating ${options.auditEvents.toLocaleString('en')} audit events (not hash-chained)…`);
  const generated = await generateAuditEvents(stack, options.auditEvents);
  console.log(
    `Generated in ${generated.totalSeconds.toFixed(0)} s: insert ${generated.insertSeconds.toFixed(0)} s ` +
      `(${Math.round(options.auditEvents / generated.insertSeconds).toLocaleString('en')} rows/s), indexes ` +
      `${generated.indexSeconds.toFixed(0)} s, VACUUM ANALYZE ${generated.vacuumSeconds.toFixed(0)} s; ` +
      `audit_event: ${generated.total.toLocaleString('en')} rows, heap ${generated.heap}, indexes ${generated.indexes}`,
  );
  const targets = await pickTargets(stack);
  console.log(
    `Targets: client ${targets.clientId} (${targets.clientRows} log rows), ` +
      `user coach1 ${targets.userId} (${targets.userRows} log rows)`,
  );
  if (options.explain) await printAuditPlans(stack, targets);
  await stack.startServer();
  await stack.startFloor();
  if (options.scenarios.includes('audit-cost')) await stack.startServerWithoutAudit();
  const token = await fgAccessToken(stack.appUrl);
  const scenarios = buildAuditScenarios({ token, ...targets, ...options }).filter((scenario) =>
    options.scenarios.includes(scenario.name),
  );
  const rows = [];
  for (const scenario of scenarios) {
    console.log(`Running ${scenario.name}: ${scenario.title}…`);
    rows.push(await measureAuditScenario(stack, scenario));
    stack.assertAlive();
  }
  const [{ server_version: postgresVersion }] = await stack.query('SHOW server_version');
  console.log('');
  printMachine({ postgresVersion, date: new Date().toISOString() });
  printAuditResults(rows);
  printFlags(rows);
  console.log('');
  printMemory(stack.memory());
  return rows.some(isFlagged) ? 1 : 0;
}

/** `npm run bench -- --audit-events N …` (or this file run directly); resolves with the exit code. */
export async function main(args = process.argv.slice(2)) {
  const options = readCliOptions(args);
  // BENCH_SKIP_BUILD=1 reuses dist/ (e.g. while another build on the machine would race this one).
  if (process.env.BENCH_SKIP_BUILD !== '1') buildProjects(['backend']);
  const stack = new BenchStack();
  process.on('exit', () => stack.killNow());
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(signal, () => void stack.stop().finally(() => process.exit(code)));
  }
  let exitCode = 1;
  try {
    exitCode = await runAuditScale(stack, options);
  } catch (error) {
    if (!stack.stopping) console.error(`Benchmark failed: ${error.message}`);
  } finally {
    await stack.stop();
  }
  return exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(await main());
