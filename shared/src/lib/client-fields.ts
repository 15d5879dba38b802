import { type ClientDetail, type ClientWrite } from '../contracts/clients';
import { type DataCategory } from './data-categories';

/**
 * The data category of every field a client response can carry. Visibility is decided per
 * category (RULES.md §1), so a field without a category here cannot be sent: the projection
 * refuses it. `always` is for technical fields that identify the record and reveal nothing more.
 */
export const CLIENT_FIELD_CATEGORIES: Readonly<Record<keyof ClientDetail, DataCategory | 'always'>> = {
  id: 'always',
  coachId: 'always',
  incomeConsultantId: 'always',
  coachName: 'always',
  createdAt: 'always',
  updatedAt: 'always',
  firstName: 'identity',
  lastName: 'identity',
  dateOfBirth: 'identity',
  bsnMasked: 'identity',
  nationality: 'identity',
  city: 'contact',
  street: 'contact',
  houseNumber: 'contact',
  postcode: 'contact',
  phone: 'contact',
  email: 'contact',
  openTrajectoryTypes: 'progress',
  dutchLanguageLevel: 'language_inburgering',
  inburgeringStatus: 'language_inburgering',
  drivingLicence: 'availability_transport',
  transport: 'availability_transport',
  availabilityHoursPerWeek: 'availability_transport',
  availabilityNotes: 'availability_transport',
  cvLink: 'work_history',
  educationLevel: 'education',
  hasDebts: 'financial',
  debtNotes: 'financial',
  lifeDomainsNotes: 'life_domains',
  functionalLimitations: 'health_functional',
  religiousFunction: 'religion',
  ibanMasked: 'payroll',
};

/** Fields written as they are shown; the BSN and IBAN are written in full but shown masked. */
const WRITTEN_AS_SHOWN = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'nationality',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'phone',
  'email',
  'dutchLanguageLevel',
  'inburgeringStatus',
  'drivingLicence',
  'transport',
  'availabilityHoursPerWeek',
  'availabilityNotes',
  'cvLink',
  'educationLevel',
  'hasDebts',
  'debtNotes',
  'lifeDomainsNotes',
  'functionalLimitations',
  'religiousFunction',
] as const satisfies ReadonlyArray<keyof ClientWrite & keyof ClientDetail>;

/** The category of each writable field, so an edit is allowed per category (`update` on Client). */
export const CLIENT_WRITE_CATEGORIES: Readonly<Record<string, DataCategory>> = {
  ...(Object.fromEntries(WRITTEN_AS_SHOWN.map((field) => [field, CLIENT_FIELD_CATEGORIES[field]])) as Record<
    (typeof WRITTEN_AS_SHOWN)[number],
    DataCategory
  >),
  bsn: 'identity',
  iban: 'payroll',
} satisfies Record<keyof ClientWrite, DataCategory>;
