/**
 * The legal clock of a data-subject request (R-DSR-03, AVG art. 12(3)): an answer within one month
 * of receipt, extendable by at most two further months, only with written notice before the first
 * month ends. Calendar months: a day that does not exist in the target month becomes its last day
 * (31 January → 28 or 29 February), as art. 12 is read with the Algemene termijnenwet's months.
 */

/** `iso` (YYYY-MM-DD) plus `months` calendar months, clamped to the last day of the target month. */
export function addCalendarMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The first deadline: received on + 1 calendar month. */
export function dsrDueOn(receivedOn: string): string {
  return addCalendarMonths(receivedOn, 1);
}

/** The latest an extension may reach: received on + 3 calendar months. */
export function dsrLatestExtendedDueOn(receivedOn: string): string {
  return addCalendarMonths(receivedOn, 3);
}

/** Whole days from `today` to `dueOn` (negative when overdue). */
export function daysLeft(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
