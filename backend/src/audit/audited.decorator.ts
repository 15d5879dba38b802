import { SetMetadata } from '@nestjs/common';
import { type AuditAction, type DataCategory } from '@werkpad/shared';

export const AUDITED_KEY = 'werkpad:audited';
export const NO_AUDIT_KEY = 'werkpad:no-audit';

export interface AuditedRoute {
  readonly action: AuditAction;
  readonly objectType: string;
  readonly categories: readonly DataCategory[];
}

/**
 * Every read, search, change or export of personal data is logged (R-AUD-01): the interceptor
 * writes one row per request, in the same transaction as a change.
 */
export const Audited = (
  action: AuditAction,
  objectType: string,
  categories: readonly DataCategory[],
): MethodDecorator => SetMetadata(AUDITED_KEY, { action, objectType, categories } satisfies AuditedRoute);

/** An explicit, reviewed exception: the route touches no personal data of anyone but the caller. */
export const NoAudit = (reason: string): MethodDecorator => SetMetadata(NO_AUDIT_KEY, reason);
