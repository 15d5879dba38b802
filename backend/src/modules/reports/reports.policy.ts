import { type ModulePolicy } from '../../authz/policy.types';

/**
 * Progress reports (issue 8, R-REP-01). Who may write one to whom is decided per trajectory by the
 * sharing rules and what the author may read of the client; this policy says who may work with
 * reports at all. Management exports reports for a selection of clients and reads its own exports.
 */
export const reportsPolicy: ModulePolicy = {
  module: 'reports',
  subjects: ['ProgressReport', 'ReportExport'],
  byRole: {
    coach: ({ can }) => {
      can('read', 'ProgressReport');
      can('create', 'ProgressReport');
      // Recording the client's review (R-SHARE-06) and sending.
      can('update', 'ProgressReport');
    },
    expertise: ({ can }) => {
      // The outcome to the commissioner of an arbeidsdiagnose (R-MED-03), assigned clients only.
      can('read', 'ProgressReport');
      can('create', 'ProgressReport');
      can('update', 'ProgressReport');
    },
    management: ({ can, user }) => {
      can('read', 'ProgressReport');
      can('export', 'ReportExport');
      can('read', 'ReportExport', { requestedBy: user.id });
    },
  },
};
