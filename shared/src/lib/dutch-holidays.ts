/**
 * The Dutch public holidays of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Eerste en Tweede
 * Paasdag, Koningsdag, Bevrijdingsdag (5 mei, every year), Hemelvaartsdag, Eerste en Tweede
 * Pinksterdag, Eerste en Tweede Kerstdag. Used to judge "outside office hours"; dates are
 * calendar days (YYYY-MM-DD).
 */
export interface DutchHoliday {
  readonly date: string;
  readonly name: string;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shifted(year: number, month: number, day: number, days: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** Koningsdag is 27 April, or the Saturday before when the 27th is a Sunday (since 2014). */
function kingsDay(year: number): string {
  const sunday = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0;
  return iso(year, 4, sunday ? 26 : 27);
}

export function dutchPublicHolidays(year: number): readonly DutchHoliday[] {
  const [, easterMonth, easterDay] = easterSunday(year).split('-').map(Number);
  const fromEaster = (days: number) => shifted(year, easterMonth, easterDay, days);
  return [
    { date: iso(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: fromEaster(0), name: 'Eerste Paasdag' },
    { date: fromEaster(1), name: 'Tweede Paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    { date: iso(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: fromEaster(39), name: 'Hemelvaartsdag' },
    { date: fromEaster(49), name: 'Eerste Pinksterdag' },
    { date: fromEaster(50), name: 'Tweede Pinksterdag' },
    { date: iso(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: iso(year, 12, 26), name: 'Tweede Kerstdag' },
  ].sort((left, right) => left.date.localeCompare(right.date));
}

/** The holiday on this calendar day (YYYY-MM-DD), or null. */
export function dutchPublicHoliday(date: string): string | null {
  const year = Number(date.slice(0, 4));
  return dutchPublicHolidays(year).find((holiday) => holiday.date === date)?.name ?? null;
}
