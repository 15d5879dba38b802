import { TRAJECTORY_TYPE_RULES, type TrajectoryType } from './trajectory-types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses a calendar date (no time, no time zone) and refuses impossible dates like 2025-02-29. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  }
  return { year, month, day };
}

/** Adds whole years on the calendar; 29 February becomes 28 February in a year without it. */
export function addCalendarYears(date: string, years: number): string {
  const { year, month, day } = parseCalendarDate(date);
  const targetYear = year + years;
  const targetDay = month === 2 && day === 29 && !isLeapYear(targetYear) ? 28 : day;
  return `${String(targetYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * R-RET-01: the day a trajectory's data is due for destruction: closed-on plus the type's retention
 * period (medical records of an arbeidsdiagnose: 15 years). An open trajectory is never due: null.
 */
export function destructionDate(
  type: TrajectoryType,
  closedOn: string | null,
  part: 'file' | 'medical' = 'file',
): string | null {
  if (closedOn === null) return null;
  const rule = TRAJECTORY_TYPE_RULES[type];
  if (part === 'medical' && rule.medicalRetentionYears === undefined) {
    throw new RangeError(`Trajectory type ${type} holds no medical records`);
  }
  const years = part === 'medical' ? (rule.medicalRetentionYears as number) : rule.retentionYears;
  return addCalendarYears(closedOn, years);
}
