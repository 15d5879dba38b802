import { packRules } from '@casl/ability/extra';
import type { CurrentUser, PackedRule, Role } from '@werkpad/shared';

interface RawRuleLike {
  readonly action: string;
  readonly subject: string;
  readonly conditions?: Record<string, unknown>;
}

/** Packs rules the way the API does for `GET /api/auth/me`. */
export function packed(rules: readonly RawRuleLike[]): PackedRule[] {
  return packRules(rules.map((rule) => ({ ...rule })));
}

export const COACH_RULES = packed([
  { action: 'read', subject: 'Client', conditions: { coachId: 'u-coach' } },
  { action: 'update', subject: 'Client', conditions: { coachId: 'u-coach' } },
]);

// Functioneel beheer reads no audit log: read AuditEvent is the FG's mark (audit.policy.ts).
export const ADMIN_RULES = packed([{ action: 'manage', subject: 'User' }]);

export const DPO_RULES = packed([
  { action: 'read', subject: 'AuditEvent' },
  { action: 'verify', subject: 'AuditChain' },
]);

export function currentUser(
  roles: readonly Role[],
  rules: PackedRule[],
  displayName = 'Anna de Vries',
): CurrentUser {
  return { id: `u-${roles[0] ?? 'none'}`, username: 'anna', displayName, roles, rules };
}
