import { type ModulePolicy } from '../../authz/policy.types';

/**
 * The disclosure register (R-SHARE-01..08). Whether a disclosure is allowed is decided from the
 * sharing rules (shared/src/lib/sharing-rules.ts: recipient, categories, trajectory type, ground,
 * and which roles may disclose); this policy says who may disclose or read the register at all.
 */
export const disclosuresPolicy: ModulePolicy = {
  module: 'disclosures',
  subjects: ['Disclosure'],
  byRole: {
    coach: ({ can }) => {
      can('read', 'Disclosure');
      can('create', 'Disclosure');
      // R-SHARE-06: recording that the client has seen a report.
      can('update', 'Disclosure');
    },
    payroll: ({ can }) => {
      // Payroll recipients only (UWV, employer/inlener, Belastingdienst): see SharingRule.disclosedBy.
      can('read', 'Disclosure');
      can('create', 'Disclosure');
    },
    dpo: ({ can }) => {
      can('read', 'Disclosure');
    },
    expertise: ({ can }) => {
      // The outcome to the commissioner and functional capabilities to a doctor or employer, per the
      // rules that name expertise in disclosedBy (R-MED-03, R-MED-05, R-MED-07); assigned clients only.
      can('read', 'Disclosure');
      can('create', 'Disclosure');
    },
  },
};
