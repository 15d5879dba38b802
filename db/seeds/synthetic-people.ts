import { isValidBsn } from '@werkpad/shared';

/**
 * Synthetic, obviously fictitious Dutch people for demos and benchmarks. Deterministic: the same
 * seed gives the same people, so a benchmark run can be repeated.
 */
const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chantal',
  'Daan',
  'Emma',
  'Fatima',
  'Gert',
  'Hanneke',
  'Ibrahim',
  'Joost',
  'Karin',
  'Lars',
  'Mila',
  'Noah',
  'Olga',
  'Pieter',
  'Rachid',
  'Sanne',
  'Thijs',
  'Ursula',
  'Vera',
  'Willem',
  'Yara',
  'Zeynep',
  'Ahmed',
  'Bente',
  'Coen',
  'Dewi',
  'Eline',
  'Gijs',
  'Hiba',
  'Ilse',
  'Jurgen',
  'Kees',
  'Lotte',
  'Mohammed',
  // Names with diacritics, so accent-insensitive search can be shown ("jose" finds José).
  'José',
  'Zoë',
  'Hüseyin',
  'Søren',
  'Anaïs',
];
const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'Yılmaz',
  'El Amrani',
  'Kaya',
  'Nguyen',
  'Öztürk',
  'van Dijk',
  'Koster',
  'Prins',
  'Huisman',
  'Kuipers',
  'Çelik',
  'Şahin',
  'Müller',
  'Doğan',
];
const STREETS = [
  'Stationsweg',
  'Kerkstraat',
  'Molenstraat',
  'Dorpsstraat',
  'Parkweg',
  'Bergweg',
  'Veenendaalseweg',
  'Akulaan',
  'Klaphekkenweg',
  'Beatrixlaan',
  'Rozenstraat',
  'Julianalaan',
  'Lindelaan',
  'Schaapsweg',
];
const PLACES = [
  { city: 'Ede', postcode: '6711' },
  { city: 'Ede', postcode: '6713' },
  { city: 'Ede', postcode: '6716' },
  { city: 'Bennekom', postcode: '6721' },
  { city: 'Lunteren', postcode: '6741' },
  { city: 'Otterlo', postcode: '6731' },
  { city: 'Harskamp', postcode: '6732' },
  { city: 'Ederveen', postcode: '6744' },
];
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVXZ';

/** Small deterministic PRNG (mulberry32): good enough for demo data, never for secrets. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * BSNs that pass the 11-proef from the range 99xxxxxxx, which real issuing does not reach; the
 * 9999xxxxx part of it is the test range used for the BRP. Yields them in ascending order.
 */
export function* syntheticBsns(start = 990_000_000): Generator<string> {
  for (let candidate = start; candidate <= 999_999_999; candidate++) {
    const bsn = String(candidate);
    if (isValidBsn(bsn)) yield bsn;
  }
}

export interface SyntheticPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly bsn: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postcode: string;
  readonly city: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function* syntheticPeople(count: number, seed = 2026): Generator<SyntheticPerson> {
  const random = createRandom(seed);
  const bsns = syntheticBsns();
  for (let index = 0; index < count; index++) {
    const place = pick(random, PLACES);
    const year = 1961 + Math.floor(random() * 45);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const letters = pick(random, [...POSTCODE_LETTERS]) + pick(random, [...POSTCODE_LETTERS]);
    const bsn = bsns.next();
    if (bsn.done) throw new Error('The synthetic BSN range is exhausted');
    yield {
      firstName: pick(random, FIRST_NAMES),
      lastName: pick(random, LAST_NAMES),
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      bsn: bsn.value,
      street: pick(random, STREETS),
      houseNumber: String(1 + Math.floor(random() * 180)),
      postcode: `${place.postcode} ${letters}`,
      city: place.city,
    };
  }
}
