import { dutchPublicHoliday, dutchPublicHolidays, easterSunday } from './dutch-holidays';

describe('Dutch public holidays (Algemene termijnenwet art. 3)', () => {
  it('finds Easter Sunday for years with early, late and ordinary dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
  });

  it('lists the ten holidays of 2026 in date order, with the moving ones after Easter', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to Saturday 26 April when the 27th is a Sunday', () => {
    expect(dutchPublicHoliday('2025-04-26')).toBe('Koningsdag');
    expect(dutchPublicHoliday('2025-04-27')).toBeNull();
    expect(dutchPublicHoliday('2031-04-26')).toBe('Koningsdag');
  });

  it('answers null for an ordinary day, also one next to a holiday', () => {
    expect(dutchPublicHoliday('2026-04-28')).toBeNull();
    expect(dutchPublicHoliday('2026-12-24')).toBeNull();
    expect(dutchPublicHoliday('2026-05-15')).toBe(null);
  });
});
