/**
 * The roles of RULES.md §1. A user may hold several; every permission is need-to-know.
 * The ids are stable (stored in the database and in tokens); the labels are what users read.
 */
export const ROLES = [
  'coach',
  'income_consultant',
  'expertise',
  'payroll',
  'dpo',
  'management',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  coach: 'Trajectbegeleider',
  income_consultant: 'Inkomensconsulent',
  expertise: 'Expertisecentrum',
  payroll: 'Salarisadministratie',
  dpo: 'Functionaris Gegevensbescherming',
  management: 'Management',
  admin: 'Functioneel beheer',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
