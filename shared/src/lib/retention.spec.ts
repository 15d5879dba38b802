import { addCalendarYears, destructionDate, parseCalendarDate } from './retention';
import { TRAJECTORY_TYPES } from './trajectory-types';

describe('destructionDate', () => {
  it.each([
    ['intake', '2026-03-15', '2036-03-15'],
    ['inburgering', '2026-03-15', '2031-03-15'],
    ['beschut_werk', '2026-03-15', '2036-03-15'],
    ['loonkostensubsidie', '2026-03-15', '2036-03-15'],
    ['jobcoaching', '2026-03-15', '2036-03-15'],
    ['bemiddeling', '2026-03-15', '2036-03-15'],
    ['arbeidsdiagnose', '2026-03-15', '2028-03-15'],
  ] as const)(
    'R-RET-01: a closed %s trajectory is due on closed-on + its retention period',
    (type, closedOn, due) => {
      expect(destructionDate(type, closedOn)).toBe(due);
    },
  );

  it('R-RET-01: medical records of an arbeidsdiagnose are kept 15 years', () => {
    expect(destructionDate('arbeidsdiagnose', '2026-03-15', 'medical')).toBe('2041-03-15');
    expect(() => destructionDate('intake', '2026-03-15', 'medical')).toThrow(/no medical records/);
  });

  it('R-RET-01: an open trajectory is never due', () => {
    for (const type of TRAJECTORY_TYPES) expect(destructionDate(type, null)).toBeNull();
  });

  it('R-RET-01: a trajectory closed on a leap day is due on 28 February when the target year has none', () => {
    expect(destructionDate('inburgering', '2024-02-29')).toBe('2029-02-28');
    expect(destructionDate('arbeidsdiagnose', '2024-02-29')).toBe('2026-02-28');
    // 2034 is no leap year; 2100 is not either (divisible by 100), but 2400 is (divisible by 400).
    expect(destructionDate('intake', '2024-02-29')).toBe('2034-02-28');
    expect(addCalendarYears('2096-02-29', 4)).toBe('2100-02-28');
    expect(addCalendarYears('2096-02-29', 4 + 400)).toBe('2500-02-28');
    expect(addCalendarYears('2000-02-29', 400)).toBe('2400-02-29');
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    for (const bad of ['2025-02-29', '2026-13-01', '2026-04-31', '15-03-2026', '2026-3-5', '']) {
      expect(() => parseCalendarDate(bad)).toThrow(RangeError);
    }
  });
});
