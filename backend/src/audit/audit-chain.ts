import { createHash } from 'node:crypto';

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
}

function sortedObject(value: Readonly<Record<string, string>> | null): Array<[string, string]> | null {
  return value === null ? null : Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * A canonical, order-fixed serialisation: JSON of an array (not an object) so that jsonb's key
 * reordering and column order in SELECTs can never change a hash.
 */
export function canonicalAuditRecord(fields: ChainedAuditFields): string {
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
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  reason: string | null;
  lastHash: Buffer | null;
}

export function startChainCheck(): ChainCheck {
  return { ok: true, checked: 0, firstBrokenSeq: null, reason: null, lastHash: null };
}

/**
 * Checks the next stored row against the chain so far (rows must come in seq order). Stops
 * at the first broken row: a deleted row shows as a broken link, a changed row as a bad hash.
 */
export function checkNextRow(state: ChainCheck, row: StoredAuditRow): ChainCheck {
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
  if (!chainHash(row.prevHash, row).equals(row.hash)) {
    return { ...state, ok: false, firstBrokenSeq: row.seq, reason: 'row content does not match its hash' };
  }
  return { ...state, checked: state.checked + 1, lastHash: row.hash };
}
