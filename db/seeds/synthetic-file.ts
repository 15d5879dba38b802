import {
  type DataCategory,
  type InburgeringStatus,
  type LanguageLevel,
  type ReportingForm,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';

import { syntheticIban } from './synthetic-iban';
import { createRandom, type SyntheticPerson } from './synthetic-people';

/**
 * The rest of a synthetic client's file: particulars, trajectories, dossier entries and payroll
 * data. Every generator is pure and deterministic per client (index + seed), so the demo looks the
 * same on every machine and a client's data does not depend on batch sizes or on other clients.
 * All of it is invented; health is described only functionally (what someone can or cannot do),
 * never as a diagnosis.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (UTC, so no time zone can shift it). */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

/** A separate random stream per client and purpose. */
function clientRandom(index: number, seed: number, stream: number): () => number {
  return createRandom((Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b) ^ stream) >>> 0);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

// --- particulars ---

export interface ClientParticulars {
  readonly nationality: string;
  readonly phone: string;
  readonly email: string;
  readonly dutchLanguageLevel: LanguageLevel | null;
  readonly inburgeringStatus: InburgeringStatus | null;
  readonly drivingLicence: boolean;
  readonly transport: string;
  readonly availabilityHoursPerWeek: number;
  readonly availabilityNotes: string | null;
  readonly cvLink: string | null;
  readonly educationLevel: string;
  readonly hasDebts: boolean;
  readonly debtNotes: string | null;
  readonly lifeDomainsNotes: string | null;
  readonly functionalLimitations: string | null;
  /** In clear only in memory; the seed stores it encrypted. */
  readonly iban: string | null;
}

const OTHER_NATIONALITIES = [
  'Syrische',
  'Eritrese',
  'Turkse',
  'Marokkaanse',
  'Poolse',
  'Oekraïense',
  'Afghaanse',
  'Portugese',
  'Deense',
];
const TRANSPORT = ['Fiets', 'Openbaar vervoer', 'Fiets en openbaar vervoer', 'Auto', 'Scooter', 'Te voet'];
const AVAILABILITY_NOTES = [
  'Beschikbaar van maandag tot en met donderdag.',
  'Op woensdagmiddag niet beschikbaar in verband met de zorg voor de kinderen.',
  'Alleen overdag beschikbaar, geen avond- of weekenddiensten.',
  'Kan direct starten.',
];
const EDUCATION_LEVELS = [
  'Geen startkwalificatie',
  'Vmbo',
  'Mbo niveau 1 (entree)',
  'Mbo niveau 2',
  'Mbo niveau 3',
  'Mbo niveau 4',
  'Havo',
  'Hbo',
  'Buitenlands diploma, niet gewaardeerd',
];
const DEBT_NOTES = [
  'Schuldhulpverlening via de gemeente loopt; afspraken worden nagekomen.',
  'Betalingsregeling met de Belastingdienst.',
  'Aangemeld voor budgetbeheer, intake staat gepland.',
];
const LIFE_DOMAINS = [
  'Mantelzorg voor een ouder, twee ochtenden per week.',
  'Alleenstaande ouder van twee schoolgaande kinderen.',
  'Woont sinds kort zelfstandig; huisvesting is stabiel.',
  'Actief als vrijwilliger bij de voedselbank.',
];
/** Functional wording only: what someone can or cannot do at work, never a diagnosis. */
export const FUNCTIONAL_LIMITATIONS = [
  'Kan niet langer dan 4 uur achter elkaar staan.',
  'Niet zwaar tillen (maximaal 10 kg).',
  'Werkt het best in een rustige omgeving met weinig prikkels.',
  'Heeft elk uur een korte pauze nodig.',
  'Geen werk op hoogte of met draaiende machines.',
  'Maximaal 20 uur per week belastbaar, verdeeld over vier dagen.',
];

/** Lower case ASCII for e-mail addresses: accents folded, spaces and other characters dropped. */
export function asciiLocalPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function syntheticParticulars(person: SyntheticPerson, index: number, seed = 2026): ClientParticulars {
  const random = clientRandom(index, seed, 1);
  const dutch = random() < 0.65;
  const hasDebts = random() < 0.3;
  const level: LanguageLevel = dutch
    ? pick(random, ['B2', 'C1', 'C2'] as const)
    : pick(random, ['A0', 'A1', 'A2', 'B1', 'B2'] as const);
  const inburgering: InburgeringStatus = dutch
    ? 'niet_plichtig'
    : pick(random, ['plichtig', 'in_traject', 'in_traject', 'afgerond', 'vrijgesteld'] as const);
  const drivingLicence = random() < 0.45;
  const transport = drivingLicence
    ? pick(random, TRANSPORT)
    : pick(
        random,
        TRANSPORT.filter((t) => t !== 'Auto'),
      );
  return {
    nationality: dutch ? 'Nederlandse' : pick(random, OTHER_NATIONALITIES),
    phone: `06-${String(between(random, 0, 99_999_999)).padStart(8, '0')}`,
    email: `${asciiLocalPart(person.firstName)}.${asciiLocalPart(person.lastName)}${index}@example.nl`,
    dutchLanguageLevel: random() < 0.1 ? null : level,
    inburgeringStatus: inburgering,
    drivingLicence,
    transport,
    availabilityHoursPerWeek: 4 * between(random, 2, 10),
    availabilityNotes: random() < 0.5 ? pick(random, AVAILABILITY_NOTES) : null,
    cvLink: random() < 0.6 ? `https://cv.example.nl/${String(index).padStart(6, '0')}` : null,
    educationLevel: pick(random, EDUCATION_LEVELS),
    hasDebts,
    debtNotes: hasDebts ? pick(random, DEBT_NOTES) : null,
    lifeDomainsNotes: random() < 0.4 ? pick(random, LIFE_DOMAINS) : null,
    functionalLimitations: random() < 0.35 ? pick(random, FUNCTIONAL_LIMITATIONS) : null,
    iban: random() < 0.8 ? syntheticIban(random) : null,
  };
}

// --- trajectories ---

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
  const random = clientRandom(index, seed, 2);
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
  return result;
}

// --- dossier entries ---

export type DossierKind = 'note' | 'correspondence' | 'progress' | 'instrument' | 'decision';

export interface DossierTemplate {
  readonly kind: DossierKind;
  readonly category: DataCategory;
  readonly title: string;
  readonly body: string;
  readonly decidedBy: string | null;
  readonly correspondenceDirection: 'incoming' | 'outgoing' | null;
  readonly counterparty: string | null;
}

function template(
  kind: DossierKind,
  category: DataCategory,
  title: string,
  body: string,
  extra: Partial<Pick<DossierTemplate, 'decidedBy' | 'correspondenceDirection' | 'counterparty'>> = {},
): DossierTemplate {
  return {
    kind,
    category,
    title,
    body,
    decidedBy: extra.decidedBy ?? null,
    correspondenceDirection: extra.correspondenceDirection ?? null,
    counterparty: extra.counterparty ?? null,
  };
}

/** The texts of synthetic dossier entries; entries refer to them by position. */
export const DOSSIER_TEMPLATES: readonly DossierTemplate[] = [
  template(
    'note',
    'coaching_notes',
    'Kennismakingsgesprek',
    'Gesproken over werkervaring en wensen. Cliënt werkt graag buiten, bij voorkeur in de groenvoorziening. Afgesproken: cv bijwerken voor het volgende gesprek.',
  ),
  template(
    'note',
    'coaching_notes',
    'Voortgangsgesprek',
    'Cliënt vertelt dat de eerste weken op de werkplek goed gaan. De reistijd met de fiets is haalbaar. Volgende afspraak over vier weken.',
  ),
  template(
    'note',
    'coaching_notes',
    'Gesprek over beschikbaarheid',
    'Cliënt kan vanaf volgende maand vier dagen per week werken; op woensdag niet, vanwege de zorg voor de kinderen.',
  ),
  template(
    'note',
    'coaching_notes',
    'Mondelinge rapportage aan inkomensconsulent',
    'Telefonisch de voortgang besproken met de inkomensconsulent, zoals vastgelegd in de rapportageafspraak. Alleen voortgang en gevolgen voor de uitkering gedeeld.',
  ),
  template(
    'progress',
    'progress',
    'Proefplaatsing gestart',
    'Cliënt is gestart met een proefplaatsing van acht weken bij een productiebedrijf in Ede, 24 uur per week.',
  ),
  template(
    'progress',
    'progress',
    'Sollicitatietraining afgerond',
    'Cliënt heeft de training van zes bijeenkomsten afgerond en twee sollicitatiebrieven verstuurd.',
  ),
  template(
    'progress',
    'progress',
    'Doelen bijgesteld',
    'Doel aangepast: eerst 16 uur per week stabiel werken, daarna uitbreiden naar 24 uur.',
  ),
  template(
    'decision',
    'benefit_impact',
    'Besluit: proefplaatsing met behoud van uitkering',
    'Proefplaatsing van twee maanden met behoud van uitkering.',
    { decidedBy: 'I. Inkomen, inkomensconsulent Gemeente Ede' },
  ),
  template(
    'decision',
    'benefit_impact',
    'Besluit: inkomsten verrekenen',
    'Inkomsten uit het parttime dienstverband worden maandelijks verrekend met de uitkering.',
    { decidedBy: 'I. Inkomen, inkomensconsulent Gemeente Ede' },
  ),
  template(
    'decision',
    'benefit_impact',
    'Besluit: vrijlating van inkomsten',
    'Vrijlating van 25% van de inkomsten gedurende zes maanden toegekend.',
    { decidedBy: 'M. de Jong, teamleider Werk en Inkomen' },
  ),
  template(
    'correspondence',
    'progress',
    'Brief aan werkgever over de proefplaatsing',
    'Bevestiging van de afspraken over de proefplaatsing: werktijden, begeleiding en evaluatiemoment.',
    { correspondenceDirection: 'outgoing', counterparty: 'Werkgever proefplaats' },
  ),
  template(
    'correspondence',
    'progress',
    'Reactie van werkgever',
    'Werkgever is tevreden over inzet en stiptheid en wil na de proefplaatsing een contract aanbieden.',
    { correspondenceDirection: 'incoming', counterparty: 'Werkgever proefplaats' },
  ),
  template(
    'instrument',
    'progress',
    'Werkfit-scan afgenomen',
    'Sterke punten: samenwerken en op tijd komen. Aandachtspunt: omgaan met drukte en wisselende taken.',
  ),
];

/** The order in which kinds are added: the first three are a note, a progress entry and a decision. */
const KIND_CYCLE: readonly DossierKind[] = [
  'note',
  'progress',
  'decision',
  'note',
  'progress',
  'correspondence',
  'note',
  'instrument',
  'progress',
  'correspondence',
];
const TEMPLATES_BY_KIND = new Map<DossierKind, number[]>();
DOSSIER_TEMPLATES.forEach((entry, position) => {
  TEMPLATES_BY_KIND.set(entry.kind, [...(TEMPLATES_BY_KIND.get(entry.kind) ?? []), position]);
});

export interface SyntheticEntry {
  /** Position of the trajectory in the client's list. */
  readonly trajectory: number;
  /** Position in DOSSIER_TEMPLATES. */
  readonly template: number;
  readonly occurredOn: string;
}

/**
 * `count` entries for one client, each within the period of its trajectory (start to closed-on,
 * or to `today` while open). With two trajectories, one in three entries belongs to the older one.
 */
export function syntheticDossierEntries(
  index: number,
  trajectories: readonly SyntheticTrajectory[],
  count: number,
  today: string,
  seed = 2026,
): SyntheticEntry[] {
  const random = clientRandom(index, seed, 3);
  const entries: SyntheticEntry[] = [];
  for (let position = 0; position < count; position++) {
    const kind = KIND_CYCLE[position % KIND_CYCLE.length];
    const trajectory = trajectories.length > 1 && position % 3 === 0 ? 0 : trajectories.length - 1;
    const { startDate, closedOn } = trajectories[trajectory];
    const first = dayNumber(startDate);
    const last = Math.max(first, dayNumber(closedOn ?? today));
    entries.push({
      trajectory,
      template: pick(random, TEMPLATES_BY_KIND.get(kind) ?? []),
      occurredOn: isoDate(between(random, first, last)),
    });
  }
  return entries;
}

// --- payroll ---

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

function firstOfMonth(day: number): string {
  return `${isoDate(day).slice(0, 7)}-01`;
}

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
  const random = clientRandom(index, seed, 4);
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

function addMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const nextYear = monthNumber === 12 ? year + 1 : year;
  const nextMonth = monthNumber === 12 ? 1 : monthNumber + 1;
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
}
