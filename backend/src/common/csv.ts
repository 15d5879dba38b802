/**
 * CSV for Dutch Excel, shared by the FG's exports (access log, findings): UTF-8 with BOM,
 * semicolons, CRLF, and times on the Dutch clock as dd-mm-jjjj uu:mm.
 */

const DUTCH_DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd-mm-jjjj uu:mm on the Dutch clock (CET/CEST), as Dutch users and Excel read it. */
export function dutchDateTime(date: Date): string {
  const parts: Record<string, string> = {};
  for (const part of DUTCH_DATE_TIME.formatToParts(date)) parts[part.type] = part.value;
  return `${parts['day']}-${parts['month']}-${parts['year']} ${parts['hour']}:${parts['minute']}`;
}

/** jjjjmmdd-uumm on the Dutch clock, for a file name without personal data. */
export function fileStamp(date: Date): string {
  return dutchDateTime(date).replace(/^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d)$/, '$3$2$1-$4$5');
}

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break; a leading = + - @ is
 * neutralised so that a spreadsheet never runs a cell as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line of cells, separated by semicolons. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(';');
}

/** UTF-8 with BOM and CRLF line ends: what Excel in a Dutch locale opens correctly. */
export function csvFile(lines: readonly string[]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
