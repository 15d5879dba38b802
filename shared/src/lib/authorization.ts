/**
 * The vocabulary of authorization shared by the API (which enforces it) and the UI (which only
 * uses it to hide what a user cannot use). Subjects are the record types a policy speaks about.
 */
export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'export',
  'verify',
  'assign',
  'reveal',
  'approve',
] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'all',
  'User',
  'Client',
  'Document',
  'JobcoachingFile',
  'Consent',
  'Disclosure',
  'ExpertiseTrajectory',
  'MedicalRecord',
  'DiagnosisOutcome',
  'FunctionalCapability',
  'AuditEvent',
  'AuditChain',
  'DataBreach',
  'ProcessingRegister',
  'EmergencyAccess',
  'RetentionPolicy',
  'LegalHold',
  'DestructionList',
  'ProgressReport',
  'ReportExport',
  'DataSubjectRequest',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/** A CASL rule in the packed form the API sends to the UI (see @casl/ability/extra packRules). */
export type PackedRule = readonly unknown[];
