import {
  type ClientDetail,
  type ClientView,
  type DataCategory,
  INBURGERING_STATUS_LABELS,
  type InburgeringStatus,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';

type Formatter = 'text' | 'date' | 'boolean' | 'inburgering' | 'trajectories' | 'hours';

/** A field as the overview shows it. The category comes from the shared CLIENT_FIELD_CATEGORIES. */
export interface ShownField {
  readonly key: keyof ClientDetail;
  readonly label: string;
  readonly format: Formatter;
}

/** Fields per category, in reading order. bsnMasked is shown separately with its "Toon BSN" button. */
export const SHOWN_FIELDS: Partial<Record<DataCategory, readonly ShownField[]>> = {
  identity: [
    { key: 'firstName', label: 'Voornaam', format: 'text' },
    { key: 'lastName', label: 'Achternaam', format: 'text' },
    { key: 'dateOfBirth', label: 'Geboortedatum', format: 'date' },
    { key: 'nationality', label: 'Nationaliteit', format: 'text' },
  ],
  contact: [
    { key: 'street', label: 'Straat', format: 'text' },
    { key: 'houseNumber', label: 'Huisnummer', format: 'text' },
    { key: 'postcode', label: 'Postcode', format: 'text' },
    { key: 'city', label: 'Woonplaats', format: 'text' },
    { key: 'phone', label: 'Telefoon', format: 'text' },
    { key: 'email', label: 'E-mail', format: 'text' },
  ],
  language_inburgering: [
    { key: 'dutchLanguageLevel', label: 'Taalniveau Nederlands', format: 'text' },
    { key: 'inburgeringStatus', label: 'Inburgering', format: 'inburgering' },
  ],
  availability_transport: [
    { key: 'availabilityHoursPerWeek', label: 'Beschikbaar (uur per week)', format: 'hours' },
    { key: 'availabilityNotes', label: 'Toelichting beschikbaarheid', format: 'text' },
    { key: 'drivingLicence', label: 'Rijbewijs', format: 'boolean' },
    { key: 'transport', label: 'Vervoer', format: 'text' },
  ],
  work_history: [{ key: 'cvLink', label: 'Cv (link)', format: 'text' }],
  education: [{ key: 'educationLevel', label: 'Opleidingsniveau', format: 'text' }],
  financial: [
    { key: 'hasDebts', label: 'Schulden', format: 'boolean' },
    { key: 'debtNotes', label: 'Toelichting schulden', format: 'text' },
  ],
  health_functional: [{ key: 'functionalLimitations', label: 'Functionele beperkingen', format: 'text' }],
  life_domains: [{ key: 'lifeDomainsNotes', label: 'Overige leefdomeinen', format: 'text' }],
  religion: [{ key: 'religiousFunction', label: 'Religieuze functie', format: 'text' }],
  progress: [{ key: 'openTrajectoryTypes', label: 'Lopende trajecten', format: 'trajectories' }],
  payroll: [{ key: 'ibanMasked', label: 'Rekeningnummer (IBAN)', format: 'text' }],
};

export const NOT_FILLED = 'Niet ingevuld';

/** dd-mm-jjjj of an API date (or the date part of a timestamp). */
export function dutchDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

/** The text of one field; an absent field is never formatted (it is not shown at all). */
export function formatField(client: ClientView, field: ShownField): string {
  const value = client[field.key];
  if (value === null || value === undefined || value === '') return NOT_FILLED;
  switch (field.format) {
    case 'date':
      return dutchDate(String(value));
    case 'boolean':
      return value === true ? 'Ja' : 'Nee';
    case 'inburgering':
      return INBURGERING_STATUS_LABELS[value as InburgeringStatus] ?? String(value);
    case 'trajectories': {
      const types = value as readonly TrajectoryType[];
      return types.length === 0 ? 'Geen' : types.map((type) => TRAJECTORY_TYPE_RULES[type].label).join(', ');
    }
    case 'hours':
      return `${String(value)} uur`;
    case 'text':
      return String(value);
  }
}

/** The fields of `category` present in the response (the API leaves out what the user may not see). */
export function presentFields(client: ClientView, category: DataCategory): readonly ShownField[] {
  return (SHOWN_FIELDS[category] ?? []).filter((field) => field.key in client);
}
