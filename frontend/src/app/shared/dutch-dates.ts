import { Injectable, type Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import {
  DateAdapter,
  MAT_DATE_FORMATS,
  MAT_DATE_LOCALE,
  type MatDateFormats,
  NativeDateAdapter,
} from '@angular/material/core';

/** The one text format people type and read dates in: dd-mm-jjjj. */
export const DUTCH_DATE_INPUT = 'dd-mm-jjjj';

export const DUTCH_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: DUTCH_DATE_INPUT },
  display: {
    dateInput: DUTCH_DATE_INPUT,
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar date, or null when day and month do not exist (31-02-2025). */
function calendarDate(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day);
  // new Date() rolls 31 February over to March; a typed date must mean exactly that day.
  // setFullYear keeps years below 100 from being read as 19xx.
  date.setFullYear(year, month - 1, day);
  const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return exists ? date : null;
}

/** The API's calendar date (YYYY-MM-DD) of a local date: no UTC conversion, so no day shift. */
export function toIsoDate(date: Date): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local date (midnight) of an API calendar date; `new Date('2025-03-01')` would be UTC midnight. */
export function fromIsoDate(iso: string): Date {
  const match = ISO_DATE.exec(iso);
  const date = match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!date) throw new RangeError(`Geen kalenderdatum (JJJJ-MM-DD): "${iso}"`);
  return date;
}

/** An API calendar date (YYYY-MM-DD) as people read it, dd-mm-jjjj; no date as a dash. */
export function dutchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

// Moments (createdAt, finalizedAt) are shown in Dutch time whatever zone the browser is in.
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An API moment (ISO timestamp) as dd-mm-jjjj uu:mm in Dutch time; none as a dash. */
export function dutchDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    DATE_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts['day']}-${parts['month']}-${parts['year']} ${parts['hour']}:${parts['minute']}`;
}

/** Today as the API's calendar date. */
export function todayIso(): string {
  return toIsoDate(new Date());
}

/**
 * Reads and writes dates as dd-mm-jjjj (also d-m-jjjj, with / or . as separator) whatever the
 * browser's own locale says; the calendar itself (month names, weekdays) comes from 'nl-NL'.
 */
@Injectable()
export class DutchDateAdapter extends NativeDateAdapter {
  override parse(value: unknown): Date | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'number') return new Date(value);
    if (value instanceof Date) return this.clone(value);
    if (typeof value !== 'string') return this.invalid();
    const text = value.trim();
    if (text === '') return null;
    const dutch = DUTCH_DATE.exec(text);
    if (dutch) return calendarDate(Number(dutch[3]), Number(dutch[2]), Number(dutch[1])) ?? this.invalid();
    const iso = ISO_DATE.exec(text);
    if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? this.invalid();
    return this.invalid();
  }

  override format(date: Date, displayFormat: object | string): string {
    if (displayFormat !== DUTCH_DATE_INPUT) return super.format(date, displayFormat);
    if (!this.isValid(date)) throw new Error('DutchDateAdapter: cannot format an invalid date.');
    const [year, month, day] = toIsoDate(date).split('-');
    return `${day}-${month}-${year}`;
  }

  /** The Dutch week starts on Monday (not every browser reports week info for a locale). */
  override getFirstDayOfWeek(): number {
    return 1;
  }
}

/** Dutch texts for the datepicker's buttons and calendar, read out by screen readers. */
@Injectable()
export class DutchDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = 'Kalender';
  override openCalendarLabel = 'Kalender openen';
  override closeCalendarLabel = 'Kalender sluiten';
  override prevMonthLabel = 'Vorige maand';
  override nextMonthLabel = 'Volgende maand';
  override prevYearLabel = 'Vorig jaar';
  override nextYearLabel = 'Volgend jaar';
  override prevMultiYearLabel = 'Vorige 24 jaar';
  override nextMultiYearLabel = 'Volgende 24 jaar';
  override switchToMonthViewLabel = 'Kies een datum';
  override switchToMultiYearViewLabel = 'Kies maand en jaar';
  override formatYearRange(start: string, end: string): string {
    return `${start} tot en met ${end}`;
  }
  override formatYearRangeLabel(start: string, end: string): string {
    return `${start} tot en met ${end}`;
  }
}

/** Everything a Material datepicker needs to speak and read Dutch dates. */
export function provideDutchDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'nl-NL' },
    { provide: DateAdapter, useClass: DutchDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: DUTCH_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: DutchDatepickerIntl },
  ];
}
