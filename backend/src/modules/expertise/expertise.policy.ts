import { type ModulePolicy } from '../../authz/policy.types';

/**
 * The Expertisecentrum's workspace outside the medical records (RULES.md §3). Which clients follows
 * from the client rules (clients.policy: `expertiseUserIds`, the categories `diagnosis_outcome` and
 * `health_functional`), enforced per request through ClientAccess; this policy says who works with
 * these record types at all. Medical records are the medical module's (MedicalRecord).
 */
export const expertisePolicy: ModulePolicy = {
  module: 'expertise',
  subjects: ['ExpertiseTrajectory', 'DiagnosisOutcome', 'FunctionalCapability'],
  byRole: {
    expertise: ({ can, user }) => {
      // Own arbeidsdiagnose trajectories only; lists are scoped by this condition in SQL.
      can('read', 'ExpertiseTrajectory', { expertiseUserId: user.id }).because(
        'Expertisecentrum: arbeidsdiagnose die aan u is toegewezen (R-MED-01)',
      );
      // The outcome/advice of their own trajectories (checked against the assignment in the service).
      can('read', 'DiagnosisOutcome');
      can('create', 'DiagnosisOutcome');
      can('update', 'DiagnosisOutcome');
      // R-MED-05: functional capabilities are the only health_functional data it writes.
      can('read', 'FunctionalCapability');
      can('create', 'FunctionalCapability');
    },
    coach: ({ can }) => {
      // R-MED-02: a final outcome of a client in the caseload (category diagnosis_outcome).
      can('read', 'DiagnosisOutcome');
      can('read', 'FunctionalCapability');
      can('create', 'FunctionalCapability');
    },
    income_consultant: ({ can }) => {
      // R-MED-02: a final outcome of a linked client.
      can('read', 'DiagnosisOutcome');
    },
    admin: ({ can }) => {
      // Who works on which arbeidsdiagnose; the administrator sees only whom it is about (identity).
      can('assign', 'ExpertiseTrajectory');
    },
  },
};
