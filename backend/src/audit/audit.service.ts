import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditChainVerification } from '@werkpad/shared';
import { DataSource, EntityManager } from 'typeorm';

import {
  type ChainedAuditFields,
  type StoredAuditRow,
  chainHash,
  checkNextRow,
  startChainCheck,
} from './audit-chain';
import { type AuditEventInput } from './audit-event';

/** A constant advisory-lock key that serialises appends, so parallel requests cannot fork the chain. */
const CHAIN_LOCK_KEY = 7_513_2026;
const VERIFY_PAGE_SIZE = 5000;

interface AuditRowRecord {
  seq: string;
  id: string;
  occurred_at: Date;
  user_id: string | null;
  username: string | null;
  roles: string[];
  subject_client_ids: string[];
  object_type: string;
  object_id: string | null;
  categories: string[];
  action: string;
  result: string;
  ground: Record<string, string> | null;
  route: string | null;
  http_status: number | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, string> | null;
  prev_hash: Buffer | null;
  hash: Buffer;
}

function toStoredRow(row: AuditRowRecord): StoredAuditRow {
  return {
    seq: String(row.seq),
    id: row.id,
    occurredAt: row.occurred_at,
    userId: row.user_id,
    username: row.username,
    roles: row.roles,
    subjectClientIds: row.subject_client_ids,
    objectType: row.object_type,
    objectId: row.object_id,
    categories: row.categories,
    action: row.action,
    result: row.result,
    ground: row.ground,
    route: row.route,
    httpStatus: row.http_status,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends to and verifies the hash-chained access log (R-AUD-01, R-AUD-02). Callers never pass
 * note text or medical content: the input type has no field for it (R-AUD-04).
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one event. With `manager` the row joins the caller's transaction, so a change and its
   * log entry commit or roll back together; the advisory lock is held until that commit.
   */
  async append(input: AuditEventInput, manager?: EntityManager): Promise<void> {
    if (manager) return this.appendWithin(manager, input);
    await this.dataSource.transaction((transactional) => this.appendWithin(transactional, input));
  }

  private async appendWithin(manager: EntityManager, input: AuditEventInput): Promise<void> {
    const fields: ChainedAuditFields = {
      id: randomUUID(),
      occurredAt: new Date(),
      userId: input.userId,
      username: input.username,
      roles: [...input.roles],
      subjectClientIds: [...new Set(input.subjectClientIds ?? [])],
      objectType: input.objectType,
      objectId: input.objectId ?? null,
      categories: [...new Set(input.categories ?? [])],
      action: input.action,
      result: input.result,
      ground: input.ground ? { kind: input.ground.kind, reference: input.ground.reference } : null,
      route: input.route ?? null,
      httpStatus: input.httpStatus ?? null,
      ip: input.ip ?? null,
      userAgent: input.userAgent ? input.userAgent.slice(0, 300) : null,
      requestId: input.requestId ?? null,
      details: input.details && Object.keys(input.details).length > 0 ? { ...input.details } : null,
    };
    // The lock must be its own statement: under READ COMMITTED a statement's snapshot is taken
    // before it waits, so reading the chain's end in the same statement could miss the row the
    // previous lock holder just committed and fork the chain.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last: Array<{ hash: Buffer }> = await manager.query(
      'SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    const prevHash = last[0]?.hash ?? null;
    await manager.query(
      `INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type,
         object_id, categories, action, result, ground, route, http_status, ip, user_agent, request_id,
         details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        fields.id,
        fields.occurredAt,
        fields.userId,
        fields.username,
        fields.roles,
        fields.subjectClientIds,
        fields.objectType,
        fields.objectId,
        fields.categories,
        fields.action,
        fields.result,
        fields.ground,
        fields.route,
        fields.httpStatus,
        fields.ip,
        fields.userAgent,
        fields.requestId,
        fields.details,
        prevHash,
        chainHash(prevHash, fields),
      ],
    );
  }

  /** Recomputes the whole chain in pages and names the first broken row. */
  async verifyChain(): Promise<AuditChainVerification> {
    let state = startChainCheck();
    let afterSeq = '0';
    for (;;) {
      const rows: AuditRowRecord[] = await this.dataSource.query(
        'SELECT * FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2',
        [afterSeq, VERIFY_PAGE_SIZE],
      );
      for (const row of rows) {
        state = checkNextRow(state, toStoredRow(row));
        if (!state.ok) break;
      }
      if (!state.ok || rows.length < VERIFY_PAGE_SIZE) break;
      afterSeq = String(rows[rows.length - 1].seq);
    }
    return {
      ok: state.ok,
      checked: state.checked,
      firstBrokenSeq: state.firstBrokenSeq,
      reason: state.reason,
    };
  }
}
