import { type ConsentPurpose } from './consent-purposes';
import { type DataCategory } from './data-categories';
import { type Role } from './roles';
import { type TrajectoryType } from './trajectory-types';

/**
 * Who may receive what, on which ground (RULES.md §4). This is versioned rule data: the backend
 * decides every disclosure from it, the UI shows it and docs/sharing-rules.md is generated from it.
 * A change is a reviewed change of data, with a new SHARING_RULES_VERSION.
 *
 * Identity is part of every rule: a recipient must know whom the data is about. `article` is null
 * where the exact article is still to be confirmed by the FG/legal adviser; the docs say so.
 */
export const SHARING_RULES_VERSION = '2026-11-22.2';

export const RECIPIENT_TYPES = [
  'income_consultant',
  'schuldhulpverlening',
  'uwv',
  'werkgevers_service_punt',
  'employer',
  'language_test_institution',
  'belastingdienst',
  'bedrijfsarts',
  'sociaal_team',
  'cv_third_party',
  'diagnosis_commissioner',
  'medical_adviser',
] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export interface LegalBasis {
  readonly law: string;
  readonly article: string | null;
}

export interface SharingRule {
  readonly id: string;
  readonly recipientType: RecipientType;
  readonly recipientLabel: string;
  readonly allowedCategories: readonly DataCategory[];
  readonly trajectoryTypes: readonly TrajectoryType[];
  /** Exactly one of legalBasis and consentPurpose is the ground. */
  readonly legalBasis: LegalBasis | null;
  readonly consentPurpose: ConsentPurpose | null;
  /** Roles that may make this disclosure (payroll for payroll recipients). */
  readonly disclosedBy: readonly Role[];
  readonly source: string;
}

const ALL_TYPES: readonly TrajectoryType[] = [
  'intake',
  'inburgering',
  'beschut_werk',
  'loonkostensubsidie',
  'jobcoaching',
  'bemiddeling',
  'arbeidsdiagnose',
];

export const SHARING_RULES: readonly SharingRule[] = [
  {
    id: 'inkomensconsulent-intake',
    recipientType: 'income_consultant',
    recipientLabel: 'Inkomensconsulent (gemeente)',
    allowedCategories: [
      'identity',
      'contact',
      'work_history',
      'education',
      'availability_transport',
      'financial',
      'language_inburgering',
      'life_domains',
      'progress',
      'benefit_impact',
    ],
    trajectoryTypes: ['intake'],
    legalBasis: { law: 'Participatiewet', article: null },
    consentPurpose: null,
    disclosedBy: ['coach'],
    source: 'R-SHARE-03 (intake: recht op uitkering en route); 002',
  },
  {
    id: 'inkomensconsulent',
    recipientType: 'income_consultant',
    recipientLabel: 'Inkomensconsulent (gemeente)',
    allowedCategories: ['identity', 'progress', 'benefit_impact'],
    trajectoryTypes: ALL_TYPES.filter((type) => type !== 'intake'),
    legalBasis: { law: 'Participatiewet', article: null },
    consentPurpose: null,
    disclosedBy: ['coach'],
    source: 'R-SHARE-03; 002 bemiddeling',
  },
  {
    id: 'schuldhulpverlening',
    recipientType: 'schuldhulpverlening',
    recipientLabel: 'Schuldhulpverlening (gemeente)',
    allowedCategories: ['identity', 'contact', 'financial'],
    trajectoryTypes: ['intake'],
    legalBasis: { law: 'Participatiewet', article: null },
    consentPurpose: null,
    disclosedBy: ['coach'],
    source: 'RULES.md §4; 002',
  },
  {
    id: 'uwv',
    recipientType: 'uwv',
    recipientLabel: 'UWV',
    allowedCategories: ['identity', 'work_history', 'payroll', 'progress'],
    trajectoryTypes: ['intake', 'bemiddeling', 'loonkostensubsidie', 'beschut_werk', 'inburgering'],
    legalBasis: { law: 'Participatiewet / WSW; Wet SUWI', article: null },
    consentPurpose: null,
    disclosedBy: ['coach', 'payroll'],
    source: 'RULES.md §4; 002 "plekje gevonden"',
  },
  {
    id: 'werkgevers-service-punt',
    recipientType: 'werkgevers_service_punt',
    recipientLabel: 'Werkgevers Service Punt',
    allowedCategories: ['identity', 'contact', 'work_history', 'education', 'availability_transport'],
    trajectoryTypes: ['bemiddeling', 'inburgering'],
    legalBasis: { law: 'Participatiewet / Wet inburgering 2021', article: null },
    consentPurpose: null,
    disclosedBy: ['coach'],
    source: 'RULES.md §4; 002',
  },
  {
    id: 'werkgever-inlener',
    recipientType: 'employer',
    recipientLabel: 'Werkgever of inlener',
    allowedCategories: [
      'identity',
      'contact',
      'work_history',
      'availability_transport',
      'progress',
      'payroll',
    ],
    trajectoryTypes: ['bemiddeling', 'jobcoaching', 'beschut_werk', 'loonkostensubsidie'],
    legalBasis: { law: 'Participatiewet / WSW', article: null },
    consentPurpose: null,
    disclosedBy: ['coach', 'payroll'],
    source: 'RULES.md §4; R-SHARE-04; 002 jobcoach',
  },
  {
    id: 'taaltoets',
    recipientType: 'language_test_institution',
    recipientLabel: 'Instelling die de taaltoets afneemt',
    allowedCategories: ['identity', 'language_inburgering'],
    trajectoryTypes: ['inburgering'],
    legalBasis: { law: 'Wet inburgering 2021', article: null },
    consentPurpose: null,
    disclosedBy: ['coach'],
    source: 'RULES.md §4; 002 statushouder',
  },
  {
    id: 'belastingdienst',
    recipientType: 'belastingdienst',
    recipientLabel: 'Belastingdienst',
    allowedCategories: ['identity', 'payroll'],
    trajectoryTypes: ['beschut_werk'],
    legalBasis: { law: 'Wet op de loonbelasting 1964 (loonaangifte)', article: 'art. 28' },
    consentPurpose: null,
    disclosedBy: ['payroll'],
    source: 'RULES.md §4',
  },
  {
    id: 'bedrijfsarts',
    recipientType: 'bedrijfsarts',
    recipientLabel: 'Bedrijfsarts of arbeidsdeskundige',
    // R-MED-05: functional capabilities only, never diagnoses or names of conditions.
    allowedCategories: ['identity', 'health_functional'],
    trajectoryTypes: ['beschut_werk', 'bemiddeling', 'arbeidsdiagnose'],
    legalBasis: { law: 'Wet verbetering poortwachter / Wet WIA', article: null },
    consentPurpose: null,
    disclosedBy: ['coach'],
    source: 'R-MED-05; 002 bemiddeling',
  },
  {
    id: 'werkgever-functioneel',
    recipientType: 'employer',
    recipientLabel: 'Werkgever of inlener',
    // What the client can and cannot do at work, never a diagnosis (R-MED-05); health-related, so
    // only with the client's written consent (docs/decisions.md, issue 5).
    allowedCategories: ['identity', 'health_functional'],
    trajectoryTypes: ['bemiddeling', 'jobcoaching', 'beschut_werk', 'loonkostensubsidie', 'arbeidsdiagnose'],
    legalBasis: null,
    consentPurpose: 'functional_to_employer',
    disclosedBy: ['coach', 'expertise'],
    source: 'R-MED-05; R-MED-07; 002 bemiddeling',
  },
  {
    id: 'opdrachtgever-diagnose',
    recipientType: 'diagnosis_commissioner',
    recipientLabel: 'Opdrachtgever van de arbeidsdiagnose (gemeente of andere instelling)',
    // The outcome, never the research or medical data (R-MED-03).
    allowedCategories: ['identity', 'diagnosis_outcome'],
    trajectoryTypes: ['arbeidsdiagnose'],
    legalBasis: { law: 'Participatiewet / Wet sociale werkvoorziening / Wet WIA', article: null },
    consentPurpose: null,
    disclosedBy: ['expertise'],
    source: 'R-MED-03; 002 Expertisecentrum ("de uitslag van het onderzoek, niet het onderzoek zelf")',
  },
  {
    id: 'opdrachtgever-diagnose-gezondheid',
    recipientType: 'diagnosis_commissioner',
    recipientLabel: 'Opdrachtgever van de arbeidsdiagnose (gemeente of andere instelling)',
    // Health data to a commissioner only with written consent (R-MED-07).
    allowedCategories: ['identity', 'health_functional'],
    trajectoryTypes: ['arbeidsdiagnose'],
    legalBasis: null,
    consentPurpose: 'health_to_commissioner',
    disclosedBy: ['expertise'],
    source: 'R-MED-07; 003 Rapportage gezondheidsgegevens',
  },
  {
    id: 'medisch-adviseur',
    recipientType: 'medical_adviser',
    recipientLabel: 'Arts of medisch adviseur van de opdrachtgever',
    allowedCategories: ['identity', 'diagnosis_outcome', 'health_functional'],
    trajectoryTypes: ['arbeidsdiagnose'],
    legalBasis: null,
    consentPurpose: 'health_to_commissioner',
    disclosedBy: ['expertise'],
    source: 'R-MED-07; 003 Rapportage gezondheidsgegevens',
  },
  {
    id: 'sociaal-team',
    recipientType: 'sociaal_team',
    recipientLabel: 'Sociaal team of jeugdhulp',
    allowedCategories: ['identity', 'contact', 'life_domains', 'financial', 'progress'],
    trajectoryTypes: ['intake'],
    legalBasis: null,
    consentPurpose: 'sociaal_team',
    disclosedBy: ['coach'],
    source: 'RULES.md §4 (toestemming, besproken bij de intake); 002',
  },
  {
    id: 'cv-profiel',
    recipientType: 'cv_third_party',
    recipientLabel: 'Derde die een cv of profiel ontvangt (mogelijke werkgever, uitzendbureau)',
    allowedCategories: ['identity', 'contact', 'work_history', 'education', 'availability_transport'],
    trajectoryTypes: ['bemiddeling', 'inburgering', 'jobcoaching'],
    legalBasis: null,
    consentPurpose: 'cv_profile',
    disclosedBy: ['coach'],
    source: 'R-SHARE-08; 003 art. 3.1 i',
  },
];

/** EU and EEA member states (ISO 3166-1 alpha-2): data never goes elsewhere (R-SHARE-05). */
export const EEA_COUNTRIES: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
];
