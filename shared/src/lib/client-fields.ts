import { type ClientDetail } from '../contracts/clients';
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
  ibanMasked: 'payroll',
};

/** The category of each writable field, so an edit is allowed per category (`update` on Client). */
export const CLIENT_WRITE_CATEGORIES: Readonly<Record<string, DataCategory>> = {
  firstName: 'identity',
  lastName: 'identity',
  dateOfBirth: 'identity',
  bsn: 'identity',
  nationality: 'identity',
  street: 'contact',
  houseNumber: 'contact',
  postcode: 'contact',
  city: 'contact',
  phone: 'contact',
  email: 'contact',
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
  iban: 'payroll',
};
