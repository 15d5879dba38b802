import { type DataCategory } from '@werkpad/shared';

import { dayNumber, isoDate } from './synthetic-calendar';
import { between, clientRandom, pick, STREAM } from './synthetic-client-random';
import { type SyntheticTrajectory } from './synthetic-trajectories';

/**
 * The dossier entries of a synthetic client. The texts are a fixed set of templates; an entry
 * names its template by position, so the seed sends each text once per statement, not per row.
 */

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
  const random = clientRandom(index, seed, STREAM.dossier);
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
