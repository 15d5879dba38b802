/**
 * Data categories: the unit of visibility, audit and disclosure. Every field and every dossier
 * entry belongs to exactly one category. `medical` is held by the Expertisecentrum only (R-MED-01);
 * `diagnosis_outcome` is what the Expertisecentrum lets go out of it (R-MED-02, R-MED-03).
 */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'work_history',
  'education',
  'availability_transport',
  'financial',
  'language_inburgering',
  'health_functional',
  'religion',
  'payroll',
  'progress',
  'benefit_impact',
  'coaching_notes',
  'life_domains',
  'diagnosis_outcome',
  'medical',
  'account',
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const DATA_CATEGORY_LABELS: Readonly<Record<DataCategory, string>> = {
  identity: 'Identiteit',
  contact: 'Contactgegevens',
  work_history: 'Werkervaring',
  education: 'Opleiding',
  availability_transport: 'Beschikbaarheid en vervoer',
  financial: 'Financiële situatie en schulden',
  language_inburgering: 'Taal en inburgering',
  health_functional: 'Functionele beperkingen (gezondheid)',
  religion: 'Religieuze functie',
  payroll: 'Salaris en dienstverband',
  progress: 'Voortgang',
  benefit_impact: 'Gevolgen voor uitkering',
  coaching_notes: 'Gespreksverslagen',
  life_domains: 'Overige leefdomeinen',
  diagnosis_outcome: 'Uitkomst en advies Expertisecentrum',
  medical: 'Medische gegevens',
  account: 'Gebruikersaccount',
};
