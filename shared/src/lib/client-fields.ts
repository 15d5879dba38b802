import { type ClientSummary } from '../contracts/clients';
import { type DataCategory } from './data-categories';

/**
 * The data category of every field a client response can carry. Visibility is decided per
 * category (RULES.md §1), so a field without a category here cannot be sent: the projection
 * refuses it. `always` is for technical fields that identify the record and reveal nothing more.
 */
export const CLIENT_FIELD_CATEGORIES: Readonly<Record<keyof ClientSummary, DataCategory | 'always'>> = {
  id: 'always',
  coachId: 'always',
  firstName: 'identity',
  lastName: 'identity',
  dateOfBirth: 'identity',
  bsnMasked: 'identity',
  city: 'contact',
};
