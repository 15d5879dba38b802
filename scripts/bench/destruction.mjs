// Issue 7, item 10: one destruction run over N due dossiers (default 100 000); target ≤ 60 s with
// the server's memory flat.
//
//   npm run bench -- --destruction N
//
// In the throwaway benchmark database it seeds the demo accounts with a few clients, then, as the
// owner, N historic clients in bulk: one bemiddeling trajectory closed on 2012-06-30 (due
// 2022-06-30), one dossier entry and two access-log rows each (chain version 2 with a reference;
// not hash-chained, like audit-scale's rows, so the chain is not verified here). Then, through the
// API like the UI: the records manager prepares the list, reviews it, the FG approves it (second
// factor with the demo TOTP), the records manager executes it; progress and the server's RSS are
// sampled every second until the list is completed.
import { pathToFileURL } from 'node:url';

import pg from 'pg';

import { buildProjects } from '../lib/build.mjs';
import { fgAccessToken } from './audit-scale.mjs';
import { printMachine } from './report.mjs';
import { BenchStack, PASSWORD } from './stack.mjs';

const TARGET_SECONDS = 60;
const CHUNK = 25_000;

async function adminToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin1', password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login admin1 answered ${response.status}`);
  return (await response.json()).accessToken;
}

async function call(baseUrl, token, method, path) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** N historic dossiers in chunks, as the owner (generate_series; triggers keep the scope columns). */
export async function seedDueDossiers(stack, count) {
  const [{ id: coach }] = await stack.query(`SELECT id FROM app_user WHERE username = 'coach1'`);
  const started = performance.now();
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await stack.query(
      `WITH made AS (
         INSERT INTO client (first_name, last_name, date_of_birth, bsn_encrypted, bsn_blind_index, street,
                             house_number, postcode, city, coach_id)
         SELECT 'Historisch', 'Dossier ' || g, DATE '1970-01-01' + (g % 9000), sha256(('bench-bsn-' || g)::bytea),
                sha256(('bench-bi-' || g)::bytea), 'Bankastraat', (g % 200 + 1)::text, '6711AA', 'Ede', $3
           FROM generate_series($1::int, $2::int) g
         RETURNING id
       ), trajectories AS (
         INSERT INTO trajectory (client_id, type, legal_basis, status, start_date, closed_on, coach_id,
                                 reporting_recipient, reporting_categories, reporting_form, reporting_purpose,
                                 reporting_frequency, created_by)
         SELECT id, 'bemiddeling', 'Participatiewet', 'closed', DATE '2011-01-03', DATE '2012-06-30', $3,
                'Gemeente Ede', '{progress}', 'written', 'Voortgang volgen', 'Elk kwartaal', $3
           FROM made
         RETURNING id, client_id
       ), entries AS (
         INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
         SELECT client_id, id, 'note', 'coaching_notes', 'Gesprek', 'Verslag van het gesprek', DATE '2011-03-01', $3
           FROM trajectories
         RETURNING client_id
       )
       INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type, object_id,
                                categories, action, result, hash, chain_version, subject_refs)
       SELECT gen_random_uuid(), TIMESTAMPTZ '2011-03-01 10:00+01' + (n || ' days')::interval, $3, 'coach1',
              '{coach}', ARRAY[client_id], 'Client', client_id::text, '{identity}', 'read', 'allowed',
              sha256(client_id::text::bytea), 2, ARRAY[encode(sha256(client_id::text::bytea), 'hex')]
         FROM entries CROSS JOIN generate_series(1, 2) n`,
      [from, to, coach],
    );
  }
  // As a database in service would be: vacuumed (visibility map, hint bits) and analysed. Without it,
  // autovacuum and first reads of the fresh rows ran during the measured destruction.
  await stack.query('VACUUM (ANALYZE)');
  return (performance.now() - started) / 1000;
}

/**
 * BENCH_EXPLAIN=1: destroys one batch (250 dossiers) with auto_explain on for every statement inside
 * the destruction functions, in a transaction that is rolled back, and prints the plans (with the
 * time of each foreign-key trigger) of the statements that took longest.
 */
async function explainBatch(stack, listId) {
  const client = new pg.Client({ connectionString: stack.ownerUrl });
  const plans = [];
  client.on('notice', (notice) => plans.push(notice.message));
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOAD 'auto_explain'`);
    for (const setting of [
      'auto_explain.log_min_duration = 0',
      'auto_explain.log_analyze = on',
      'auto_explain.log_nested_statements = on',
      'auto_explain.log_triggers = on',
      'auto_explain.log_level = notice',
    ])
      await client.query(`SET LOCAL ${setting}`);
    const started = performance.now();
    await client.query(
      `SELECT * FROM destroy_dossiers(ARRAY(SELECT id FROM destruction_item WHERE list_id = $1 ORDER BY id LIMIT 250))`,
      [listId],
    );
    console.log(
      `One batch of 250 with auto_explain (BENCH_EXPLAIN=1, rolled back): ${(performance.now() - started).toFixed(0)} ms`,
    );
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
  }
  const duration = (plan) => Number(/duration: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
  for (const plan of plans.sort((a, b) => duration(b) - duration(a)).slice(1, 9)) console.log(plan);
}

export async function main(args = process.argv.slice(2)) {
  const index = args.indexOf('--destruction');
  const count = Number(args[index + 1] ?? 100_000) || 100_000;
  if (process.env.BENCH_SKIP_BUILD !== '1') buildProjects(['backend']);
  const stack = new BenchStack();
  process.on('exit', () => stack.killNow());
  let exitCode = 1;
  try {
    console.log(
      `Destruction benchmark: ${count.toLocaleString('en')} due dossiers, target ≤ ${TARGET_SECONDS} s`,
    );
    await stack.startDatabase();
    const seeded = await stack.seed(20, 1);
    console.log(`Seed (demo accounts, 20 clients): ${seeded.seconds.toFixed(1)} s`);
    const seedSeconds = await seedDueDossiers(stack, count);
    console.log(`${count.toLocaleString('en')} historic dossiers inserted in ${seedSeconds.toFixed(1)} s`);
    // BENCH_SETUP_SQL: statements to try (an index, a storage parameter) before the run.
    if (process.env.BENCH_SETUP_SQL?.trim()) {
      console.log(`BENCH_SETUP_SQL: ${process.env.BENCH_SETUP_SQL}`);
      await stack.query(process.env.BENCH_SETUP_SQL);
    }
    await stack.startServer();
    const admin = await adminToken(stack.appUrl);
    const fg = await fgAccessToken(stack.appUrl);

    let started = performance.now();
    const list = await call(stack.appUrl, admin, 'POST', '/api/destruction-lists');
    const prepareSeconds = (performance.now() - started) / 1000;
    console.log(
      `List ${list.reference} prepared in ${prepareSeconds.toFixed(1)} s: ${list.itemCounts.due} dossiers due`,
    );
    await call(stack.appUrl, admin, 'POST', `/api/destruction-lists/${list.id}/review`);
    await call(stack.appUrl, fg, 'POST', `/api/destruction-lists/${list.id}/approve`);

    if (process.env.BENCH_EXPLAIN === '1') await explainBatch(stack, list.id);
    const samples = [];
    if (process.env.BENCH_PROFILE === '1') {
      await stack.query(`ALTER SYSTEM SET track_functions = 'all'`);
      await stack.query('SELECT pg_reload_conf()');
    }
    started = performance.now();
    await call(stack.appUrl, admin, 'POST', `/api/destruction-lists/${list.id}/execute`);
    let current = list;
    let allDestroyedAt = null;
    for (;;) {
      // Once every dossier is destroyed, poll faster: what is left is the certificate.
      await new Promise((resolve) => setTimeout(resolve, allDestroyedAt === null ? 1000 : 100));
      current = await call(stack.appUrl, admin, 'GET', `/api/destruction-lists/${list.id}`);
      const seconds = (performance.now() - started) / 1000;
      const { rssMiB } = stack.memory().server;
      samples.push({ seconds, done: current.progress.done, rssMiB });
      if (allDestroyedAt === null && current.progress.done === current.progress.total)
        allDestroyedAt = seconds;
      if ((samples.length % 5 === 0 && allDestroyedAt === null) || current.status !== 'running') {
        console.log(
          `  ${seconds.toFixed(0).padStart(4)} s  ${String(current.progress.done).padStart(7)} destroyed  RSS ${rssMiB.toFixed(0)} MiB`,
        );
      }
      stack.assertAlive();
      if (process.env.BENCH_SCAN_SNAPSHOT === '1' && samples.length === 15) {
        for (const row of await stack.query(
          `SELECT schemaname || '.' || relname AS name, seq_scan, seq_tup_read, idx_scan
             FROM pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT 10`,
        ))
          console.log(
            `  [15 s] ${row.name} ${row.seq_scan} scans ${row.seq_tup_read} rows ${row.idx_scan} idx`,
          );
      }
      if (current.status !== 'running') break;
    }
    const runSeconds = (performance.now() - started) / 1000;
    const [{ clients }] = await stack.query(
      `SELECT count(*)::int AS clients FROM client WHERE first_name = 'Historisch'`,
    );
    const [{ named }] = await stack.query(
      `SELECT count(*)::int AS named FROM audit_event WHERE object_type = 'Client' AND username = 'coach1'
          AND occurred_at < '2013-01-01' AND cardinality(subject_client_ids) > 0`,
    );
    const rss = samples.map((sample) => sample.rssMiB);
    // Where the run read whole tables: a missing index shows as many sequential scans.
    const scans = await stack.query(
      `SELECT schemaname || '.' || relname AS name, seq_scan, seq_tup_read, idx_scan
         FROM pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT 6`,
    );
    const [{ server_version: postgresVersion }] = await stack.query('SHOW server_version');
    console.log('');
    printMachine({ postgresVersion, date: new Date().toISOString() });
    console.log(
      `Destruction run: ${current.progress.done.toLocaleString('en')} dossiers in ${runSeconds.toFixed(1)} s ` +
        `(${(current.progress.done / runSeconds).toFixed(0)} dossiers/s); target ≤ ${TARGET_SECONDS} s: ` +
        `${runSeconds <= TARGET_SECONDS ? 'met' : 'MISSED'}`,
    );
    if (allDestroyedAt !== null)
      console.log(
        `Every dossier destroyed after ≤ ${allDestroyedAt.toFixed(1)} s; the certificate took the last ≈ ${(runSeconds - allDestroyedAt).toFixed(1)} s`,
      );
    console.log(
      `Server RSS during the run: min ${Math.min(...rss).toFixed(0)} MiB, max ${Math.max(...rss).toFixed(0)} MiB ` +
        `(first ${rss[0]?.toFixed(0)} MiB, last ${rss.at(-1)?.toFixed(0)} MiB)`,
    );
    console.log(
      `Left: ${clients} historic clients, ${named} of their access-log rows still naming a client; list ${current.status}, ` +
        `certificate ${current.hasCertificate ? 'written' : 'missing'}`,
    );
    console.log('Tables read most by sequential scans during seeding and the run:');
    for (const row of scans) {
      console.log(
        `  ${row.name.padEnd(32)} ${String(row.seq_scan).padStart(8)} scans ${String(row.seq_tup_read).padStart(12)} rows  ${row.idx_scan ?? 0} index scans`,
      );
    }
    if (process.env.BENCH_PROFILE === '1') {
      console.log('Functions by total time (BENCH_PROFILE=1):');
      for (const row of await stack.query(
        `SELECT schemaname || '.' || funcname AS name, calls, round(total_time) AS total, round(self_time) AS self
           FROM pg_stat_user_functions ORDER BY total_time DESC LIMIT 12`,
      ))
        console.log(
          `  ${row.name.padEnd(40)} ${String(row.calls).padStart(8)} calls ${String(row.total).padStart(8)} ms total ${String(row.self).padStart(8)} ms self`,
        );
    }
    exitCode = current.status === 'completed' && clients === 0 && named === 0 ? 0 : 1;
  } catch (error) {
    if (!stack.stopping) console.error(`Benchmark failed: ${error.message}`);
  } finally {
    await stack.stop();
  }
  return exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(await main());
