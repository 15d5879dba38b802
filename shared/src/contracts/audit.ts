export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'login',
  'logout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['allowed', 'denied', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  /**
   * Of `checked`: rows written before chain version 2 whose client ids destruction removed; only
   * their links can be checked (R-RET-05). Development databases only.
   */
  readonly checkedByLinkOnly?: number;
  /** The sequence number of the first row whose hash or link does not match, if any. */
  readonly firstBrokenSeq: string | null;
  readonly reason: string | null;
}
