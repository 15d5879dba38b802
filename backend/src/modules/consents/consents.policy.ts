import { type ConsentPurpose, EXPERTISE_CONSENT_PURPOSES } from '@werkpad/shared';

import { type ModulePolicy } from '../../authz/policy.types';

/**
 * The purposes the Expertisecentrum works with: its research, requesting data from the GP
 * (R-MED-04), health data to the commissioner or a doctor (R-MED-07) and functional capabilities
 * to an employer (R-MED-05). Other consents of the client (WhatsApp, sociaal team, religion, CV)
 * are none of its business.
 */
export const EXPERTISE_CONSENT_SCOPE: readonly ConsentPurpose[] = [
  ...EXPERTISE_CONSENT_PURPOSES,
  'functional_to_employer',
];

/**
 * The consent registry (R-CONS-01..05). Which client's consents a user may see or record follows
 * the client's scope (ClientAccess); this policy says who works with consents at all. The FG reads
 * the whole register (metadata, no dossier content) to audit it.
 */
export const consentsPolicy: ModulePolicy = {
  module: 'consents',
  subjects: ['Consent'],
  byRole: {
    coach: ({ can }) => {
      can('read', 'Consent');
      can('create', 'Consent');
      // Only a withdrawal may change a consent afterwards (R-CONS-02); the rest is history.
      can('update', 'Consent');
    },
    dpo: ({ can }) => {
      can('read', 'Consent');
    },
    expertise: ({ can }) => {
      // Clients follow ClientAccess (assigned arbeidsdiagnoses only); purposes are limited here and
      // checked per consent in ConsentsService (list filtered in SQL, create refused with 403).
      // Without Document rights the evidence is recorded as evidenceReference.
      can('read', 'Consent', { purpose: { $in: [...EXPERTISE_CONSENT_SCOPE] } });
      can('create', 'Consent', { purpose: { $in: [...EXPERTISE_CONSENT_SCOPE] } });
    },
  },
};
