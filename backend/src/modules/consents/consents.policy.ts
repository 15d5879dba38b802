import { type ModulePolicy } from '../../authz/policy.types';

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
  },
};
