/**
 * Purposes for which the client's consent is the ground (RULES.md §5, R-CONS-01). Rule data: a change
 * here is a reviewed change of what the agency asks consent for.
 */
export const CONSENT_PURPOSES = [
  'gp_data_request',
  'whatsapp',
  'sociaal_team',
  'expertise_research',
  'religious_function',
  'health_to_commissioner',
  'cv_profile',
  'functional_to_employer',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_FORMS = ['written', 'oral'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export interface ConsentPurposeRule {
  readonly purpose: ConsentPurpose;
  readonly label: string;
  /** Written consent required (R-MED-04, R-MED-07; research of the Expertisecentrum). */
  readonly writtenRequired: boolean;
  /** The consent names a recipient (e.g. which sociaal team). */
  readonly recipientRequired: boolean;
  readonly source: string;
}

export const CONSENT_PURPOSE_RULES: Readonly<Record<ConsentPurpose, ConsentPurposeRule>> = {
  gp_data_request: {
    purpose: 'gp_data_request',
    label: 'Gegevens opvragen bij huisarts of andere zorgverlener',
    writtenRequired: true,
    recipientRequired: true,
    source: 'R-MED-04; 002 Expertisecentrum',
  },
  whatsapp: {
    purpose: 'whatsapp',
    label: 'Contact via WhatsApp (alleen afspraken)',
    writtenRequired: false,
    recipientRequired: false,
    source: 'R-CONS-04; 002 "What\'s App"',
  },
  sociaal_team: {
    purpose: 'sociaal_team',
    label: 'Gegevens delen met sociaal team of jeugdhulp',
    writtenRequired: false,
    recipientRequired: true,
    source: 'RULES.md §4; 002 (besproken bij de intake)',
  },
  expertise_research: {
    purpose: 'expertise_research',
    label: 'Onderzoek door het Expertisecentrum',
    writtenRequired: true,
    recipientRequired: false,
    source: 'RULES.md §2 arbeidsdiagnose (instemming cliënt)',
  },
  religious_function: {
    purpose: 'religious_function',
    label: 'Vastleggen van een religieuze functie',
    writtenRequired: false,
    recipientRequired: false,
    source: 'R-CONS-05; 002 inburgering',
  },
  health_to_commissioner: {
    purpose: 'health_to_commissioner',
    label: 'Gezondheidsgegevens naar opdrachtgever of arts',
    writtenRequired: true,
    recipientRequired: true,
    source: 'R-MED-07; 003 Rapportage gezondheidsgegevens',
  },
  functional_to_employer: {
    purpose: 'functional_to_employer',
    label: 'Functionele mogelijkheden naar werkgever',
    writtenRequired: true,
    recipientRequired: true,
    source: 'R-MED-05; R-MED-07 (terughoudend met gezondheidsgegevens); docs/decisions.md',
  },
  cv_profile: {
    purpose: 'cv_profile',
    label: 'Cv of profiel naar derden',
    writtenRequired: false,
    recipientRequired: false,
    source: 'R-SHARE-08; 003 art. 3.1 i',
  },
};
