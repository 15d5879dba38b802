import { type InburgeringStatus, type LanguageLevel } from '@werkpad/shared';

import { between, clientRandom, pick, STREAM } from './synthetic-client-random';
import { syntheticIban } from './synthetic-iban';
import { type SyntheticPerson } from './synthetic-people';

/**
 * The particulars of a synthetic client beyond name, address and BSN: contact details, language,
 * transport, availability, education, debts and life domains. All of it is invented; health is
 * described only functionally (what someone can or cannot do), never as a diagnosis.
 */

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
  const random = clientRandom(index, seed, STREAM.particulars);
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
