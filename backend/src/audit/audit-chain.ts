import { createHash, createHmac } from 'node:crypto';

/** The fields of an audit row that the hash covers, in the order they are hashed. */
export interface ChainedAuditFields {
  readonly id: string;
  readonly occurredAt: Date;
  readonly userId: string | null;
  readonly username: string | null;
  readonly roles: readonly string[];
  readonly subjectClientIds: readonly string[];
  readonly objectType: string;
  readonly objectId: string | null;
  readonly categories: readonly string[];
  readonly action: string;
  readonly result: string;
  readonly ground: Readonly<Record<string, string>> | null;
  readonly route: string | null;
  readonly httpStatus: number | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
  /** Non-personal particulars, e.g. the criteria of a search (never a BSN or free text in clear). */
  readonly details: Readonly<Record<string, string>> | null;
  /**
   * 1: rows written before migration 1100, whose hash covers the client ids themselves. 2: the hash
   * covers `subjectRefs` (HMAC of each client id) instead, so that destruction can remove the ids
   * and the chain still verifies (R-RET-05). Absent means 1.
   */
  readonly chainVersion?: 1 | 2;
  /** Version 2: HMAC-SHA256(AUDIT_PSEUDONYM_KEY, client id), hex, one per subject client. */
  readonly subjectRefs?: readonly string[];
  /** Version 2: the object id's reference when the object id is one of the subject clients. */
  readonly objectRef?: string | null;
}

/** The pseudonymous reference of a client in the access log: a keyed digest, not the id (R-RET-05). */
export function subjectRef(key: Buffer, clientId: string): string {
  return createHmac('sha256', key).update(clientId.toLowerCase()).digest('hex');
}

function sortedObject(value: Readonly<Record<string, string>> | null): Array<[string, string]> | null {
  return value === null ? null : Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * A canonical, order-fixed serialisation: JSON of an array (not an object) so that jsonb's key
 * reordering and column order in SELECTs can never change a hash.
 */
export function canonicalAuditRecord(fields: ChainedAuditFields): string {
  if (fields.chainVersion === 2) return canonicalV2(fields);
  const record: unknown[] = [
    fields.id,
    fields.occurredAt.toISOString(),
    fields.userId,
    fields.username,
    [...fields.roles],
    [...fields.subjectClientIds],
    fields.objectType,
    fields.objectId,
    [...fields.categories],
    fields.action,
    fields.result,
    sortedObject(fields.ground),
    fields.route,
    fields.httpStatus,
    fields.ip,
    fields.userAgent,
    fields.requestId,
  ];
  // Appended only when present, so rows written before `details` existed keep their hashes.
  if (fields.details !== null) record.push(sortedObject(fields.details));
  return JSON.stringify(record);
}

/**
 * Version 2: the client ids are replaced by their keyed references, and an object id that is one of
 * the subject clients by its reference, so removing the ids leaves the hashed content unchanged.
 */
function canonicalV2(fields: ChainedAuditFields): string {
  return JSON.stringify([
    'v2',
    fields.id,
    fields.occurredAt.toISOString(),
    fields.userId,
    fields.username,
    [...fields.roles],
    [...(fields.subjectRefs ?? [])],
    fields.objectType,
    fields.objectRef ?? fields.objectId,
    [...fields.categories],
    fields.action,
    fields.result,
    sortedObject(fields.ground),
    fields.route,
    fields.httpStatus,
    fields.ip,
    fields.userAgent,
    fields.requestId,
    sortedObject(fields.details),
  ]);
}

/** hash(n) = SHA-256(hash(n-1) | canonical(n)); the first row links to nothing. */
export function chainHash(previousHash: Buffer | null, fields: ChainedAuditFields): Buffer {
  return createHash('sha256')
    .update(previousHash ?? Buffer.alloc(0))
    .update('|')
    .update(canonicalAuditRecord(fields))
    .digest();
}

export interface StoredAuditRow extends ChainedAuditFields {
  readonly seq: string;
  readonly prevHash: Buffer | null;
  readonly hash: Buffer;
  /** A version-1 row whose client ids destruction removed: only its links can still be checked. */
  readonly redacted?: boolean;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** Version-1 rows pseudonymised by destruction, checked by their links only. */
  checkedByLinkOnly: number;
  firstBrokenSeq: string | null;
  reason: string | null;
  lastHash: Buffer | null;
}

export function startChainCheck(): ChainCheck {
  return { ok: true, checked: 0, checkedByLinkOnly: 0, firstBrokenSeq: null, reason: null, lastHash: null };
}

/**
 * Checks the next stored row against the chain so far (rows must come in seq order). Stops
 * at the first broken row: a deleted row shows as a broken link, a changed row as a bad hash.
 */
export function checkNextRow(
  state: ChainCheck,
  row: StoredAuditRow,
  refOf?: (clientId: string) => string,
): ChainCheck {
  if (!state.ok) return state;
  const expectedPrev = state.lastHash;
  const linkOk =
    (expectedPrev === null && row.prevHash === null) ||
    (expectedPrev !== null && row.prevHash !== null && expectedPrev.equals(row.prevHash));
  if (!linkOk) {
    return {
      ...state,
      ok: false,
      firstBrokenSeq: row.seq,
      reason: 'link to the previous row does not match',
    };
  }
  if (row.redacted && row.chainVersion !== 2) {
    // Its stored hash is still what the next row links to, so a change of it is still detected there.
    return {
      ...state,
      checked: state.checked + 1,
      checkedByLinkOnly: state.checkedByLinkOnly + 1,
      lastHash: row.hash,
    };
  }
  if (!chainHash(row.prevHash, row).equals(row.hash)) {
    return { ...state, ok: false, firstBrokenSeq: row.seq, reason: 'row content does not match its hash' };
  }
  if (row.chainVersion === 2 && refOf && !idsMatchRefs(row, refOf)) {
    return {
      ...state,
      ok: false,
      firstBrokenSeq: row.seq,
      reason: 'a client id does not match the hashed references',
    };
  }
  return { ...state, checked: state.checked + 1, lastHash: row.hash };
}

/** Version 2: every client id still in the row must be one the hash covers (no id swapped in). */
function idsMatchRefs(row: StoredAuditRow, refOf: (clientId: string) => string): boolean {
  const refs = new Set(row.subjectRefs ?? []);
  if (!row.subjectClientIds.every((id) => refs.has(refOf(id)))) return false;
  if (row.objectRef && row.objectId !== null && refOf(row.objectId) !== row.objectRef) return false;
  return true;
}
