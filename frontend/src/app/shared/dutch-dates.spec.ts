import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import {
  DUTCH_DATE_INPUT,
  DutchDateAdapter,
  dutchDate,
  dutchDateTime,
  fromIsoDate,
  provideDutchDates,
  toIsoDate,
} from './dutch-dates';

describe('Dutch dates', () => {
  let adapter: DutchDateAdapter;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideDutchDates() });
    adapter = TestBed.inject(DateAdapter) as DutchDateAdapter;
  });

  it('is the date adapter the app provides', () => {
    expect(adapter).toBeInstanceOf(DutchDateAdapter);
  });

  it.each([
    ['03-02-1980', '1980-02-03'],
    ['3-2-1980', '1980-02-03'],
    ['03/02/1980', '1980-02-03'],
    [' 29-02-2024 ', '2024-02-29'],
    ['1980-02-03', '1980-02-03'],
  ])('reads "%s" as day-month-year (%s)', (typed, iso) => {
    const date = adapter.parse(typed);
    expect(date && toIsoDate(date)).toBe(iso);
  });

  it.each(['31-02-2025', '29-02-2025', '00-01-2025', '12-13-2025', '02/03', 'morgen'])(
    'refuses "%s" as an invalid date, so the form shows a parse error',
    (typed) => {
      const date = adapter.parse(typed);
      expect(date).not.toBeNull();
      expect(adapter.isValid(date as Date)).toBe(false);
    },
  );

  it('treats an empty field as no date', () => {
    expect(adapter.parse('')).toBeNull();
    expect(adapter.parse('   ')).toBeNull();
  });

  it('writes dd-mm-jjjj in the input', () => {
    expect(adapter.format(new Date(2025, 0, 5), DUTCH_DATE_INPUT)).toBe('05-01-2025');
  });

  it('starts the week on Monday and names months in Dutch', () => {
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getMonthNames('long')[2]).toBe('maart');
  });

  describe('conversion to and from the API', () => {
    it('runs in a time zone ahead of UTC (jest.config sets Europe/Amsterdam), where a UTC conversion shifts days', () => {
      expect(new Date(2025, 2, 1).getTimezoneOffset()).toBeLessThan(0);
    });

    it('keeps the calendar day that was typed (toISOString would give the day before)', () => {
      const date = adapter.parse('01-03-2025') as Date;
      expect(date.toISOString().slice(0, 10)).toBe('2025-02-28');
      expect(toIsoDate(date)).toBe('2025-03-01');
    });

    it('reads an API date as local midnight of that day (new Date(iso) would be UTC midnight)', () => {
      const date = fromIsoDate('2025-03-01');
      expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([2025, 2, 1, 0]);
      expect(toIsoDate(date)).toBe('2025-03-01');
      expect(adapter.format(date, DUTCH_DATE_INPUT)).toBe('01-03-2025');
    });

    it('refuses a date that does not exist', () => {
      expect(() => fromIsoDate('2025-02-29')).toThrow(RangeError);
    });
  });

  it('shows an API date as dd-mm-jjjj and no date as a dash', () => {
    expect(dutchDate('2041-03-31')).toBe('31-03-2041');
    expect(dutchDate(null)).toBe('—');
    expect(dutchDate(undefined)).toBe('—');
  });

  it('shows an API moment in Dutch time, summer and winter', () => {
    expect(dutchDateTime('2026-04-02T10:05:00.000Z')).toBe('02-04-2026 12:05');
    expect(dutchDateTime('2026-12-31T23:30:00.000Z')).toBe('01-01-2027 00:30');
    expect(dutchDateTime(null)).toBe('—');
  });
});
