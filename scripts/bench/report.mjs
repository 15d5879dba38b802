// Printing: the machine, the results table and the notes that make the figures readable.
import { cpus, totalmem } from 'node:os';

import { LOGIN_ACCOUNTS } from './scenarios.mjs';

const COLUMNS = [
  ['scenario', 20],
  ['req/s', 8],
  ['p50 ms', 8],
  ['p95 ms', 8],
  ['non-2xx', 8],
  ['floor req/s', 12],
  ['floor p50', 10],
  ['floor p95', 10],
  ['overhead', 9],
  ['p95/floor', 10],
];

/** Width of the scenario names in the audit-lock lines: the longest name ('expertise-workspace'). */
const NAME_WIDTH = 19;

const rate = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ms = (value) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));

function line(cells) {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[i][1]) : cell.padStart(COLUMNS[i][1])))
    .join(' ');
}

/** Failed requests of either side: non-2xx answers plus connection errors and timeouts. */
export function failures(result) {
  return result ? result.non2xx + result.errors : 0;
}

export function isFlagged(row) {
  return (
    Boolean(row.error) ||
    [row.app, row.floor, row.floorNoAudit, row.appNoAudit].some((result) => result && failures(result) > 0)
  );
}

function rowCells(row) {
  const name = `${row.name}${isFlagged(row) ? ' !' : ''}`;
  if (row.error) return [name, `could not run: ${row.error}`];
  const { app, floor } = row;
  return [
    name,
    rate(app.perSecond),
    ms(app.p50),
    ms(app.p95),
    String(failures(app)),
    rate(floor.perSecond),
    ms(floor.p50),
    ms(floor.p95),
    `×${(app.p50 / floor.p50).toFixed(1)}`,
    `×${(app.p95 / floor.p95).toFixed(1)}`,
  ];
}

export function printTable(rows) {
  const header = line(COLUMNS.map(([title]) => title));
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const row of rows) {
    const cells = rowCells(row);
    console.log(cells.length === 2 ? `${cells[0].padEnd(COLUMNS[0][1])} ${cells[1]}` : line(cells));
  }
}

/** What every flagged row got instead of 2xx, so a reader sees why its figures do not count. */
export function printFlags(rows) {
  for (const row of rows.filter(isFlagged)) {
    if (row.error) continue;
    for (const [side, result] of [
      ['app', row.app],
      ['floor', row.floor],
      ['floor without audit', row.floorNoAudit],
      ['app without audit', row.appNoAudit],
    ]) {
      if (!result || failures(result) === 0) continue;
      const codes = Object.entries(result.statusCodes)
        .map(([code, count]) => `${code}×${count}`)
        .join(', ');
      console.log(
        `! ${row.name} (${side}): ${result.non2xx} non-2xx, ${result.errors} connection errors ` +
          `(${result.timeouts} timeouts); status codes: ${codes}`,
      );
    }
  }
}

const FOREIGN_CPU_WARNING = 0.1;

/** Other processes' share of the machine during each measured run; above 10% the figures are disturbed. */
export function printForeignCpu(rows) {
  const measured = rows.filter((row) => !row.error);
  if (measured.length === 0) return;
  const percent = (result) => `${(result.foreignCpu * 100).toFixed(0)}%`;
  const parts = measured.map((row) => `${row.name} ${percent(row.app)}/${percent(row.floor)}`);
  const disturbed = measured.some((row) =>
    [row.app, row.floor, row.floorNoAudit].some(
      (result) => result && result.foreignCpu > FOREIGN_CPU_WARNING,
    ),
  );
  console.log(
    `${disturbed ? '! ' : ''}CPU used by other processes during the runs (app/floor): ${parts.join(', ')}`,
  );
  if (disturbed)
    console.log('! The machine was not quiet: compare these figures only with care, or run again.');
}

/** How to read the table; printed under it so a pasted table keeps its meaning. */
export function printNotes(names) {
  const notes = [
    'req/s = responses / time from start to last response; p50/p95 are exact (nearest rank) over every response;',
    'overhead = app p50 / floor p50; p95/floor = app p95 / floor p95 (target for caseload, client-file, ' +
      'client-dossier, search-name: ≤ ×2); "!" marks a scenario with non-2xx answers or connection errors.',
  ];
  if (names.includes('login')) {
    notes.push(
      'login: the server throttles logins (60/min per address, 10/min per address+account), so this is a',
      `fixed 50 requests over 5 connections, one account each (${LOGIN_ACCOUNTS.join(', ')}).`,
      'Both sides are CPU-bound by argon2id (19 MiB, t=2); its req/s is not a capacity figure.',
    );
  }
  if (names.some((name) => name.startsWith('clients'))) {
    notes.push(
      'clients: every request also appends a hash-chained audit row under one advisory lock, in the app',
      'and in the floor alike.',
    );
  }
  if (names.includes('medical-records')) {
    notes.push(
      'medical-records: as expertise1, over a second pool as werkpad_medical (max 5, like the app): BEGIN,',
      "set_config('werkpad.user_id'), the assigned-trajectory check, the records (row-level security applies),",
      'COMMIT; AES-256-GCM decryption of title, body and source; then the audit row on the main pool. App and',
      'floor alike.',
    );
  }
  console.log(`\n${notes.join('\n')}`);
}

/** Mean time per request spent queued for the audit chain's advisory lock (Little's law). */
export function printLockWaits(rows) {
  const sampled = rows.filter((row) => !row.error && row.app.lockWaiting !== undefined);
  if (sampled.length === 0) return;
  console.log('\nAudit lock (pg_advisory_xact_lock), sampled every 50 ms during the measured runs:');
  for (const row of sampled) {
    const side = (result) =>
      `${result.lockWaiting.toFixed(1)} requests waiting on average ≈ ${ms(result.lockWaitMs)} ms ` +
      `per request (p50 ${ms(result.p50)} ms)`;
    console.log(`  ${row.name.padEnd(NAME_WIDTH)} app:   ${side(row.app)}`);
    console.log(`  ${''.padEnd(NAME_WIDTH)} floor: ${side(row.floor)}`);
  }
}

/**
 * The floor with and without the audit append, in the same run: the append's share of the floor's
 * throughput (issue 6: target ≤ 10%). The app has no switch to read without logging (R-AUD-01).
 */
export function printAuditCosts(rows) {
  const measured = rows.filter((row) => !row.error && row.floorNoAudit);
  if (measured.length === 0) return;
  console.log('\nCost of auditing (group commit), the same read with and without its audit row, same run:');
  const without = (run) =>
    `${rate(run.perSecond)} req/s, p50 ${ms(run.p50)} ms, p95 ${ms(run.p95)} ms ` +
    `(other processes ${(run.foreignCpu * 100).toFixed(0)}% CPU)`;
  const cost = (withAudit, withoutAudit) => (1 - withAudit.perSecond / withoutAudit.perSecond) * 100;
  for (const { name, app, floor, floorNoAudit, appNoAudit } of measured) {
    if (appNoAudit) {
      console.log(
        `  ${name.padEnd(NAME_WIDTH)} app without:   ${without(appNoAudit)}; ` +
          `auditing costs the app ${cost(app, appNoAudit).toFixed(0)}% of its throughput (target ≤ 10%)`,
      );
    }
    console.log(
      `  ${''.padEnd(NAME_WIDTH)} floor without: ${without(floorNoAudit)}; ` +
        `the append costs the floor ${cost(floor, floorNoAudit).toFixed(0)}% of its throughput`,
    );
  }
}

export function printMachine({ postgresVersion, date }) {
  const cpu = cpus();
  console.log(`Date:       ${date}`);
  console.log(
    `Machine:    ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  console.log(`Node:       ${process.version}`);
  console.log(`PostgreSQL: ${postgresVersion} (embedded, fsync=off, throwaway data folder)`);
}

export function printMemory({ server, floor, serverWithoutAudit }) {
  const show = (memory) => `RSS ${memory.rssMiB.toFixed(0)} MiB (peak ${memory.peakMiB.toFixed(0)} MiB)`;
  if (server) console.log(`Werkpad server after the run: ${show(server)}`);
  if (floor) console.log(`Floor server after the run:   ${show(floor)}`);
  if (serverWithoutAudit) console.log(`Server without audit:         ${show(serverWithoutAudit)}`);
}
