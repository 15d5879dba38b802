import { type ModulePolicy } from '../../authz/policy.types';

/**
 * Data-subject requests (issue 9). Functioneel beheer is the privacy desk: it registers requests,
 * records the identity check, extends, answers and builds the export. The FG supervises: it reads
 * every request and its clock (the dashboard shows open and overdue ones) but does not handle them.
 */
export const dataSubjectRequestsPolicy: ModulePolicy = {
  module: 'data-subject-requests',
  subjects: ['DataSubjectRequest'],
  byRole: {
    admin: ({ can }) => {
      can('read', 'DataSubjectRequest');
      can('create', 'DataSubjectRequest');
      can('update', 'DataSubjectRequest');
      can('export', 'DataSubjectRequest');
    },
    dpo: ({ can }) => {
      can('read', 'DataSubjectRequest');
    },
  },
};
