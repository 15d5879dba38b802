/**
 * Calendar arithmetic for the synthetic client file. Dates are plain YYYY-MM-DD strings and all
 * sums are done on whole UTC days, so no time zone or daylight-saving shift can move a date.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (UTC, so no time zone can shift it). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

/** The first of the month the day falls in, as YYYY-MM-01. */
export function firstOfMonth(day: number): string {
  return `${isoDate(day).slice(0, 7)}-01`;
}

/** The first of the month after `month` (YYYY-MM-01). */
export function addMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const nextYear = monthNumber === 12 ? year + 1 : year;
  const nextMonth = monthNumber === 12 ? 1 : monthNumber + 1;
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
}
