import { type ModulePolicy } from '../authz/policy.types';

/** The FG checks the access log (R-AUD-02); nobody else may read or verify it. */
export const auditPolicy: ModulePolicy = {
  module: 'audit',
  subjects: ['AuditEvent', 'AuditChain'],
  byRole: {
    dpo: ({ can }) => {
      can('read', 'AuditEvent');
      can('verify', 'AuditChain');
    },
  },
};
