import { packRules } from '@casl/ability/extra';
import type { CurrentUser, PackedRule, Role } from '@werkpad/shared';
import { signal } from '@angular/core';
import { buildAbility } from '../app/core/auth/ability';
import { AuthService } from '../app/core/auth/auth.service';

interface RuleLike {
  readonly action: string;
  readonly subject: string;
  readonly fields?: readonly string[];
  readonly conditions?: Record<string, unknown>;
}

function pack(rules: readonly RuleLike[]): PackedRule[] {
  return packRules(rules.map((rule) => ({ ...rule, fields: rule.fields ? [...rule.fields] : undefined })));
}

const COACH_FIELDS = [
  'identity',
  'contact',
  'work_history',
  'education',
  'availability_transport',
  'financial',
  'language_inburgering',
  'health_functional',
  'religion',
  'progress',
  'benefit_impact',
  'coaching_notes',
  'life_domains',
  'diagnosis_outcome',
];

/** The Expertisecentrum: the person, their contact details and what may leave it (issue 5). */
const EXPERTISE_FIELDS = ['identity', 'contact', 'health_functional', 'diagnosis_outcome'];
const EXPERTISE_PURPOSES = [
  'gp_data_request',
  'expertise_research',
  'health_to_commissioner',
  'functional_to_employer',
];

/** The client rules per role as the API sends them (mirrors backend clients, expertise, medical and consents policies). */
export const CLIENT_RULES: Readonly<
  Record<'coach' | 'income_consultant' | 'expertise' | 'payroll' | 'management' | 'admin', PackedRule[]>
> = {
  coach: pack([
    { action: 'read', subject: 'Client', fields: COACH_FIELDS, conditions: { coachId: 'u-coach' } },
    { action: 'update', subject: 'Client', fields: COACH_FIELDS, conditions: { coachId: 'u-coach' } },
    { action: 'create', subject: 'Client', conditions: { coachId: 'u-coach' } },
    { action: 'reveal', subject: 'Client', conditions: { coachId: 'u-coach' } },
    { action: 'read', subject: 'Document' },
    { action: 'create', subject: 'Document' },
    { action: 'read', subject: 'DiagnosisOutcome' },
    { action: 'read', subject: 'FunctionalCapability' },
    { action: 'create', subject: 'FunctionalCapability' },
  ]),
  income_consultant: pack([
    {
      action: 'read',
      subject: 'Client',
      // R-MED-02: the income consultant sees the final outcome of an arbeidsdiagnose too.
      fields: ['identity', 'contact', 'progress', 'benefit_impact', 'diagnosis_outcome'],
      conditions: { incomeConsultantId: 'u-income_consultant' },
    },
    { action: 'reveal', subject: 'Client', conditions: { incomeConsultantId: 'u-income_consultant' } },
    { action: 'read', subject: 'Document' },
    { action: 'read', subject: 'DiagnosisOutcome' },
  ]),
  expertise: pack([
    {
      action: 'read',
      subject: 'Client',
      fields: EXPERTISE_FIELDS,
      conditions: { expertiseUserIds: { $all: ['u-expertise'] } },
    },
    { action: 'read', subject: 'ExpertiseTrajectory' },
    { action: 'read', subject: 'MedicalRecord' },
    { action: 'create', subject: 'MedicalRecord' },
    { action: 'update', subject: 'MedicalRecord' },
    { action: 'read', subject: 'DiagnosisOutcome' },
    { action: 'create', subject: 'DiagnosisOutcome' },
    { action: 'update', subject: 'DiagnosisOutcome' },
    { action: 'read', subject: 'FunctionalCapability' },
    { action: 'create', subject: 'FunctionalCapability' },
    { action: 'read', subject: 'Consent', conditions: { purpose: { $in: EXPERTISE_PURPOSES } } },
    { action: 'create', subject: 'Consent', conditions: { purpose: { $in: EXPERTISE_PURPOSES } } },
  ]),
  payroll: pack([
    {
      action: 'read',
      subject: 'Client',
      fields: ['identity', 'contact', 'payroll'],
      conditions: { payrollScope: true },
    },
    { action: 'update', subject: 'Client', fields: ['payroll'], conditions: { payrollScope: true } },
    { action: 'reveal', subject: 'Client', conditions: { payrollScope: true } },
    { action: 'read', subject: 'Document' },
    { action: 'create', subject: 'Document' },
    // Payroll recipients only (UWV, employer/inlener, Belastingdienst): mirrors disclosures.policy.ts.
    { action: 'read', subject: 'Disclosure' },
    { action: 'create', subject: 'Disclosure' },
  ]),
  management: pack([{ action: 'read', subject: 'Client', fields: ['identity', 'progress'] }]),
  admin: pack([
    { action: 'read', subject: 'Client', fields: ['identity'] },
    { action: 'assign', subject: 'Client' },
    { action: 'assign', subject: 'ExpertiseTrajectory' },
  ]),
};

export type ClientRole = keyof typeof CLIENT_RULES;

/** An AuthService stand-in for a signed-in user of one role. */
export function authAs(role: ClientRole): { provide: typeof AuthService; useValue: Partial<AuthService> } {
  const user: CurrentUser = {
    id: `u-${role}`,
    username: role,
    displayName: 'Anna de Vries',
    roles: [role as Role],
    rules: CLIENT_RULES[role],
  };
  return {
    provide: AuthService,
    useValue: { user: signal(user).asReadonly(), ability: signal(buildAbility(user.rules)).asReadonly() },
  };
}
