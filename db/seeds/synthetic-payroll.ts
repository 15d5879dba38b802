import { addMonth, dayNumber, firstOfMonth, isoDate } from './synthetic-calendar';
import { between, clientRandom, pick, STREAM } from './synthetic-client-random';
import { type SyntheticTrajectory } from './synthetic-trajectories';

/**
 * The payroll data of a synthetic client in sheltered work (beschut werk) or with wage-cost
 * subsidy (loonkostensubsidie): employment, hours, absences, loonwaarde and the LKS application.
 * Absences carry dates only, never a reason.
 */

export interface SyntheticPayroll {
  readonly employment: {
    readonly employerName: string;
    readonly isInlener: boolean;
    readonly jobTitle: string;
    readonly startDate: string;
    readonly endDate: string | null;
    readonly contractHoursPerWeek: number;
    readonly grossMonthlySalaryCents: number;
  };
  readonly hours: readonly { readonly month: string; readonly hoursWorked: number }[];
  readonly absences: readonly { readonly firstDay: string; readonly lastDay: string | null }[];
  readonly loonwaarde: {
    readonly assessedOn: string;
    readonly percentage: number;
    readonly method: string;
    readonly assessedBy: string;
  };
  readonly lksApplication: {
    readonly appliedOn: string;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly status: 'aangevraagd' | 'toegekend' | 'afgewezen';
    readonly amountCents: number | null;
  } | null;
}

const LKS_EMPLOYERS = [
  'Groenbedrijf De Linde (fictief)',
  'Productiebedrijf Veluwe (fictief)',
  'Logistiek Centrum Ede (fictief)',
  'Schoonmaakbedrijf Glans (fictief)',
];
const JOB_TITLES = [
  'Medewerker groenvoorziening',
  'Productiemedewerker',
  'Medewerker schoonmaak',
  'Magazijnmedewerker',
  'Medewerker catering',
  'Inpakker',
];
/** Gross hourly wage in cents used to derive a plausible monthly salary. */
const HOURLY_CENTS = 1416;

/**
 * Payroll data for a client with a beschut werk or loonkostensubsidie trajectory (else null): one
 * employment from shortly after the start of that trajectory, its last few months of hours, maybe an
 * absence episode (dates only, never a reason), a loonwaarde assessment and, for loonkostensubsidie,
 * an application.
 */
export function syntheticPayroll(
  index: number,
  trajectories: readonly SyntheticTrajectory[],
  today: string,
  seed = 2026,
): SyntheticPayroll | null {
  const trajectory = trajectories.find((t) => t.type === 'beschut_werk' || t.type === 'loonkostensubsidie');
  if (!trajectory) return null;
  const random = clientRandom(index, seed, STREAM.payroll);
  const todayNumber = dayNumber(today);
  const end = trajectory.closedOn === null ? null : dayNumber(trajectory.closedOn);
  const last = end ?? todayNumber;
  const start = Math.min(dayNumber(trajectory.startDate) + between(random, 7, 30), last);
  const hoursPerWeek = pick(random, [16, 20, 24, 28, 32, 36]);
  const salary = Math.round(hoursPerWeek * 4.33 * HOURLY_CENTS);
  const beschut = trajectory.type === 'beschut_werk';
  const isInlener = !beschut && random() < 0.3;

  // Complete months after the start, up to the end or today; the last four of them.
  const months: string[] = [];
  for (
    let month = addMonth(firstOfMonth(start));
    dayNumber(addMonth(month)) - 1 <= last;
    month = addMonth(month)
  ) {
    months.push(month);
  }
  const hours = months.slice(-4).map((month) => ({
    month,
    hoursWorked: Math.min(300, Math.round((hoursPerWeek * 4.33 + between(random, -12, 4)) * 2) / 2),
  }));

  const absences: { firstDay: string; lastDay: string | null }[] = [];
  if (random() < 0.35 && last - start > 20) {
    const firstDay = between(random, start, last - 10);
    const lastDay = firstDay + between(random, 2, 20);
    absences.push({
      firstDay: isoDate(firstDay),
      lastDay: lastDay >= todayNumber ? null : isoDate(Math.min(lastDay, last)),
    });
  }
  const percentage = 5 * between(random, 6, 16);
  return {
    employment: {
      employerName: beschut ? 'Werkbedrijf Ede (beschut werk)' : pick(random, LKS_EMPLOYERS),
      isInlener,
      jobTitle: pick(random, JOB_TITLES),
      startDate: isoDate(start),
      endDate: end === null ? null : isoDate(Math.max(start, end)),
      contractHoursPerWeek: hoursPerWeek,
      grossMonthlySalaryCents: salary,
    },
    hours,
    absences,
    loonwaarde: {
      assessedOn: isoDate(start),
      percentage,
      method: 'Loonwaardemeting op de werkplek',
      assessedBy: 'Loonwaardedeskundige Werkbedrijf Ede',
    },
    lksApplication: beschut
      ? null
      : {
          appliedOn: isoDate(start),
          periodStart: isoDate(start),
          periodEnd: isoDate(start + 364),
          status: todayNumber - start < 42 ? 'aangevraagd' : random() < 0.9 ? 'toegekend' : 'afgewezen',
          amountCents: Math.round(((salary * (100 - percentage)) / 100) * 12),
        },
  };
}
