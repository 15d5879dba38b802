import { addCalendarMonths, daysLeft, dsrDueOn, dsrLatestExtendedDueOn } from './dsr-clock';

describe('R-DSR-03: the legal clock of a data-subject request', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-02-28', '2026-03-28'],
  ])('R-DSR-03: received on %s is due on %s (one calendar month)', (received, due) => {
    expect(dsrDueOn(received)).toBe(due);
  });

  it('R-DSR-03: an extension reaches at most three months after receipt', () => {
    expect(dsrLatestExtendedDueOn('2026-11-30')).toBe('2027-02-28');
    expect(addCalendarMonths('2026-10-31', 3)).toBe('2027-01-31');
  });

  it('counts days left, negative when overdue', () => {
    expect(daysLeft('2026-12-01', '2026-11-22')).toBe(9);
    expect(daysLeft('2026-11-20', '2026-11-22')).toBe(-2);
    // Across the change to winter time: still whole days.
    expect(daysLeft('2026-10-26', '2026-10-24')).toBe(2);
  });
});
