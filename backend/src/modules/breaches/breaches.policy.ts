import { type ModulePolicy } from '../../authz/policy.types';

/**
 * R-AUD-05: the breach register is kept by the FG. Anyone in the organisation may and must report a
 * suspected breach to the FG (by the agreed channel: phone, mail, the service desk); the FG assesses
 * it and registers it here. The register itself - descriptions, numbers of people, the decision to
 * report or not - is confidential, so only the FG reads and writes it. Management gets the figures
 * through the FG's reports, not through this register.
 */
export const breachesPolicy: ModulePolicy = {
  module: 'breaches',
  subjects: ['DataBreach'],
  byRole: {
    dpo: ({ can }) => {
      can('read', 'DataBreach');
      can('create', 'DataBreach');
      can('update', 'DataBreach');
    },
  },
};
