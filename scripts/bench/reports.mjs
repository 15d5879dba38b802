// Issue 8, item 7: generation of a 5-page progress report through the API, as a user gets it.
//
//   npm run bench -- --reports N        (default 1000)
//
// Seeds the demo accounts with a few clients, gives one of coach1's clients enough progress entries
// and decisions in the period for a report of five A4 pages, and creates that report once. Then, one
// request at a time (what one user waits for): N times GET …/reports/:id/pdf (authentication, client
// scope, audit row, rendering PDF/A from the stored content) and N/10 times POST …/reports (composing
// a new report from the file and storing it). Prints p50/p95/max, reports/s and the server's RSS
// every N/10 reports. Target: p95 ≤ 150 ms for the PDF, memory flat.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildProjects } from '../lib/build.mjs';
import { printMachine } from './report.mjs';
import { BenchStack, PASSWORD } from './stack.mjs';

const TARGET_P95_MS = 150;
const TARGET_PAGES = 5;
const BODY =
  'Cliënt werkte deze week drie dagen bij de bakkerij; de werkgever is tevreden over het tempo en de ' +
  'samenwerking. Afgesproken is het aantal uren in overleg uit te breiden en de reistijd te evalueren.';

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function login(baseUrl, username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username} answered ${response.status}`);
  return (await response.json()).accessToken;
}

/** Times one request; throws on anything but the expected status. */
async function timed(url, init, status) {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== status)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${body}`);
  return { ms, body };
}

function summary(label, times, seconds) {
  const sorted = [...times].sort((a, b) => a - b);
  return (
    `${label}: ${times.length} in ${seconds.toFixed(1)} s (${(times.length / seconds).toFixed(1)} reports/s); ` +
    `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, ` +
    `max ${sorted.at(-1).toFixed(1)} ms`
  );
}

/** The page count of a PDF, by poppler's pdfinfo (as the integration tests count them). */
function pagesOf(pdf) {
  const folder = mkdtempSync(join(tmpdir(), 'werkpad-bench-'));
  try {
    const file = join(folder, 'report.pdf');
    writeFileSync(file, pdf);
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function main(args = process.argv.slice(2)) {
  const index = args.indexOf('--reports');
  const count = Number(args[index + 1] ?? 1000) || 1000;
  if (process.env.BENCH_SKIP_BUILD !== '1') buildProjects(['backend']);
  const stack = new BenchStack();
  process.on('exit', () => stack.killNow());
  let exitCode = 1;
  try {
    console.log(
      `Report benchmark: ${count} PDFs of a ${TARGET_PAGES}-page report, target p95 ≤ ${TARGET_P95_MS} ms`,
    );
    await stack.startDatabase();
    await stack.seed(20, 1);
    const [{ client_id: clientId, trajectory_id: trajectoryId, coach_id: coachId }] = await stack.query(
      `SELECT t.client_id, t.id AS trajectory_id, t.coach_id FROM trajectory t JOIN app_user u ON u.id = t.coach_id
        WHERE u.username = 'coach1' AND t.type = 'bemiddeling' AND t.status = 'open' ORDER BY t.id LIMIT 1`,
    );
    // About 11 entries fill a page: 50 progress entries and 5 decisions make five pages.
    await stack.query(
      `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id, decided_by)
       SELECT $1, $2, CASE WHEN g % 10 = 0 THEN 'decision' ELSE 'progress' END,
              CASE WHEN g % 10 = 0 THEN 'benefit_impact' ELSE 'progress' END,
              'Voortgangsgesprek ' || g, $4, DATE '2026-01-01' + g * 3, $3,
              CASE WHEN g % 10 = 0 THEN 'K. de Boer, inkomensconsulent' END
         FROM generate_series(1, 55) g`,
      [clientId, trajectoryId, coachId, BODY],
    );
    await stack.startServer();
    const token = await login(stack.appUrl, 'coach1');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const base = `${stack.appUrl}/api/clients/${clientId}/reports`;
    const request = JSON.stringify({
      trajectoryIds: [trajectoryId],
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      recipientType: 'income_consultant',
    });
    const created = await timed(base, { method: 'POST', headers, body: request }, 201);
    const reportId = JSON.parse(created.body.toString()).id;
    const first = await timed(`${base}/${reportId}/pdf`, { headers }, 200);
    const pages = pagesOf(first.body);
    console.log(`Report ${reportId}: ${pages} pages, ${(first.body.length / 1024).toFixed(0)} KiB`);

    const pdfTimes = [];
    const rss = [];
    let started = performance.now();
    for (let n = 1; n <= count; n++) {
      pdfTimes.push((await timed(`${base}/${reportId}/pdf`, { headers }, 200)).ms);
      if (n % Math.max(1, Math.floor(count / 10)) === 0) {
        const { rssMiB } = stack.memory().server;
        rss.push(rssMiB);
        console.log(`  ${String(n).padStart(6)} PDFs  RSS ${rssMiB.toFixed(0)} MiB`);
      }
    }
    const pdfSeconds = (performance.now() - started) / 1000;

    const createTimes = [];
    started = performance.now();
    for (let n = 0; n < Math.max(10, Math.floor(count / 10)); n++) {
      createTimes.push((await timed(base, { method: 'POST', headers, body: request }, 201)).ms);
    }
    const createSeconds = (performance.now() - started) / 1000;

    const [{ server_version: postgresVersion }] = await stack.query('SHOW server_version');
    console.log('');
    printMachine({ postgresVersion, date: new Date().toISOString() });
    const sorted = [...pdfTimes].sort((a, b) => a - b);
    const p95 = percentile(sorted, 0.95);
    console.log(
      `${summary(`PDF of the ${pages}-page report (GET …/pdf)`, pdfTimes, pdfSeconds)}; target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`,
    );
    console.log(summary('New report composed and stored (POST …/reports)', createTimes, createSeconds));
    console.log(
      `Server RSS over the PDFs: first ${rss[0]?.toFixed(0)} MiB, min ${Math.min(...rss).toFixed(0)} MiB, ` +
        `max ${Math.max(...rss).toFixed(0)} MiB, last ${rss.at(-1)?.toFixed(0)} MiB`,
    );
    exitCode = pages >= TARGET_PAGES ? 0 : 1;
    if (pages < TARGET_PAGES) console.log(`! The report has ${pages} pages, fewer than ${TARGET_PAGES}.`);
  } catch (error) {
    if (!stack.stopping) console.error(`Benchmark failed: ${error.message}`);
  } finally {
    await stack.stop();
  }
  return exitCode;
}
