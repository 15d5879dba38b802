import { SetMetadata } from '@nestjs/common';
import { type Action, type SubjectName } from '@werkpad/shared';

export const POLICY_KEY = 'werkpad:policy';
export const PUBLIC_KEY = 'werkpad:public';

/** What a route requires: an ability over a subject, or only a signed-in user (own data only). */
export type RoutePolicy =
  | {
      readonly kind: 'ability';
      readonly action: Action;
      readonly subject: SubjectName;
      /** 'not_found': a role without the ability gets 404, so the route does not even admit it exists. */
      readonly deniedAs?: 'forbidden' | 'not_found';
    }
  | { readonly kind: 'signed-in' };

/**
 * Declares what a route needs: the user's ability must allow `action` on at least some `subject`.
 * Which records then follows from the same rules in SQL (sql-scope.ts). A route without a policy
 * decorator or @Public() is refused by AccessGuard.
 */
export const Policy = (action: Action, subject: SubjectName): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'ability', action, subject } satisfies RoutePolicy);

/**
 * Like @Policy, but a role without the ability gets 404 instead of 403: for data whose very
 * existence is confidential, such as medical records (R-MED-01: everyone else gets 404).
 */
export const HiddenPolicy = (action: Action, subject: SubjectName): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'ability', action, subject, deniedAs: 'not_found' } satisfies RoutePolicy);

/** For routes about the caller's own session and account only (e.g. /auth/me, /auth/logout). */
export const SignedIn = (): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'signed-in' } satisfies RoutePolicy);

/** The only opt-out from authentication and policy: login, token refresh and health. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export function describePolicy(policy: RoutePolicy | undefined, isPublic: boolean): string {
  if (isPublic) return 'PUBLIC';
  if (!policy) return 'NONE (refused)';
  if (policy.kind === 'signed-in') return 'SIGNED-IN (own account only)';
  const hidden = policy.deniedAs === 'not_found' ? ' (404 when denied)' : '';
  return `${policy.action} ${policy.subject}${hidden}`;
}
