import {
  type DataCategory,
  type ReportingForm,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';

import { dayNumber, isoDate } from './synthetic-calendar';
import { type ClientParticulars } from './synthetic-client-fields';
import { between, clientRandom, pick, STREAM } from './synthetic-client-random';

/** The trajectories of a synthetic client, each with the reporting agreement it requires. */

export interface SyntheticTrajectory {
  readonly type: TrajectoryType;
  readonly legalBasis: string;
  readonly status: 'open' | 'closed';
  readonly startDate: string;
  readonly closedOn: string | null;
  readonly reportingRecipient: string;
  readonly reportingCategories: readonly DataCategory[];
  readonly reportingForm: ReportingForm;
  readonly reportingPurpose: string;
  readonly reportingFrequency: string;
}

/** How often each type starts a file (weights); bemiddeling is the daily bread. */
const TYPE_WEIGHTS: readonly (readonly [TrajectoryType, number])[] = [
  ['bemiddeling', 30],
  ['jobcoaching', 14],
  ['intake', 14],
  ['inburgering', 10],
  ['loonkostensubsidie', 12],
  ['beschut_werk', 8],
  ['arbeidsdiagnose', 12],
];
const WEIGHT_TOTAL = TYPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function weightedType(random: () => number, except?: TrajectoryType): TrajectoryType {
  for (;;) {
    let ticket = random() * WEIGHT_TOTAL;
    for (const [type, weight] of TYPE_WEIGHTS) {
      ticket -= weight;
      if (ticket < 0) {
        if (type !== except) return type;
        break;
      }
    }
  }
}

export const REPORTING_RECIPIENT = 'Gemeente Ede - inkomensconsulent';
const REPORTING_PURPOSES: Readonly<Record<TrajectoryType, string>> = {
  intake: 'Bepalen van het recht op uitkering en de route naar werk',
  inburgering: 'Voortgang van de Werk- en Participatiemodule voor de inburgeringsplicht',
  beschut_werk: 'Voortgang van het dienstverband beschut werk en gevolgen voor de uitkering',
  loonkostensubsidie: 'Vaststelling van loonkostensubsidie en gevolgen voor de uitkering',
  jobcoaching: 'Voortgang van de begeleiding op de werkplek',
  bemiddeling: 'Voortgang van de bemiddeling naar betaald werk en gevolgen voor de uitkering',
  arbeidsdiagnose: 'Advies over de mogelijkheden op de arbeidsmarkt (zonder medische gegevens)',
};
const FREQUENCIES = ['Elk kwartaal', 'Maandelijks', 'Bij afronding van het traject', 'Elke zes maanden'];

/** One client in this many is a historic dossier: everything closed twelve years earlier (issue 7's demo). */
const HISTORIC_EVERY = 40;
const HISTORIC_SHIFT_DAYS = 12 * 365 + 3;

/** The same trajectories, all closed, twelve years earlier: due for destruction in the demo. */
function historic(trajectories: SyntheticTrajectory[]): SyntheticTrajectory[] {
  return trajectories.map((trajectory) => {
    const start = dayNumber(trajectory.startDate) - HISTORIC_SHIFT_DAYS;
    const closed = trajectory.closedOn ? dayNumber(trajectory.closedOn) - HISTORIC_SHIFT_DAYS : start + 180;
    return { ...trajectory, status: 'closed', startDate: isoDate(start), closedOn: isoDate(closed) };
  });
}

/**
 * One or two trajectories per client, oldest first. With two, the older one is usually closed
 * (so destruction dates show); a single one is sometimes closed too. Start dates lie in the four
 * years before `today`, closed-on dates between the start and yesterday.
 */
export function syntheticTrajectories(
  index: number,
  today: string,
  seed = 2026,
  person?: Pick<ClientParticulars, 'inburgeringStatus'>,
): SyntheticTrajectory[] {
  const random = clientRandom(index, seed, STREAM.trajectories);
  const count = random() < 0.4 ? 2 : 1;
  const todayNumber = dayNumber(today);
  const types: TrajectoryType[] = [];
  const preferInburgering = person?.inburgeringStatus === 'in_traject' && random() < 0.6;
  types.push(preferInburgering ? 'inburgering' : weightedType(random));
  if (count === 2) types.push(weightedType(random, types[0]));
  const result: SyntheticTrajectory[] = [];
  // The first starts 1 to 4 years ago; a second starts after the first.
  let start = todayNumber - between(random, 60, 1460);
  for (let position = 0; position < types.length; position++) {
    const type = types[position];
    const isLast = position === types.length - 1;
    const closed = isLast ? random() < 0.15 : random() < 0.75;
    const closedOn = closed ? Math.min(todayNumber - 1, start + between(random, 30, 400)) : null;
    result.push({
      type,
      legalBasis: TRAJECTORY_TYPE_RULES[type].legalBasis,
      status: closed ? 'closed' : 'open',
      startDate: isoDate(start),
      closedOn: closedOn === null ? null : isoDate(Math.max(start, closedOn)),
      reportingRecipient: REPORTING_RECIPIENT,
      reportingCategories: ['progress', 'benefit_impact'],
      reportingForm: random() < 0.7 ? 'written' : 'oral',
      reportingPurpose: REPORTING_PURPOSES[type],
      reportingFrequency: pick(random, FREQUENCIES),
    });
    if (!isLast) {
      const after = closedOn ?? start + 30;
      start = Math.min(todayNumber - 1, after + between(random, 0, 30));
      start = Math.max(start, dayNumber(result[position].startDate));
    }
  }
  return index % HISTORIC_EVERY === HISTORIC_EVERY - 1 ? historic(result) : result;
}
