// Printing: the machine, the results table and the notes that make the figures readable.
import { cpus, totalmem } from 'node:os';

const COLUMNS = [
  ['scenario', 16],
  ['req/s', 8],
  ['p50 ms', 8],
  ['p95 ms', 8],
  ['non-2xx', 8],
  ['floor req/s', 12],
  ['floor p50', 10],
  ['floor p95', 10],
  ['overhead', 9],
];

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
  return Boolean(row.error) || failures(row.app) > 0 || failures(row.floor) > 0;
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
    ]) {
      if (failures(result) === 0) continue;
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

export function printMachine({ postgresVersion, date }) {
  const cpu = cpus();
  console.log(`Date:       ${date}`);
  console.log(
    `Machine:    ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  console.log(`Node:       ${process.version}`);
  console.log(`PostgreSQL: ${postgresVersion} (embedded, fsync=off, throwaway data folder)`);
}

export function printMemory({ server, floor }) {
  const show = (memory) => `RSS ${memory.rssMiB.toFixed(0)} MiB (peak ${memory.peakMiB.toFixed(0)} MiB)`;
  if (server) console.log(`Werkpad server after the run: ${show(server)}`);
  if (floor) console.log(`Floor server after the run:   ${show(floor)}`);
}
