import { type AuditAction, type AuditGroundKind, type AuditResult, type DataCategory } from '@werkpad/shared';

/**
 * On what ground data was processed (R-AUD-01): a role policy, legal basis, consent, trajectory,
 * authentication, or emergency access (its grant id as reference).
 */
export interface AuditGround {
  readonly kind: AuditGroundKind;
  readonly reference: string;
}

/** What a caller supplies; time, id and chain fields are added by AuditService. */
export interface AuditEventInput {
  readonly userId: string | null;
  readonly username: string | null;
  readonly roles: readonly string[];
  readonly subjectClientIds?: readonly string[];
  readonly objectType: string;
  readonly objectId?: string | null;
  readonly categories?: readonly DataCategory[];
  readonly action: AuditAction;
  readonly result: AuditResult;
  readonly ground?: AuditGround | null;
  readonly route?: string | null;
  readonly httpStatus?: number | null;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  readonly requestId?: string | null;
  /** Non-personal particulars such as search criteria; a BSN appears only as "ja" (searched by BSN). */
  readonly details?: Readonly<Record<string, string>>;
}
