import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditChainVerification } from '@werkpad/shared';
import { DataSource, EntityManager } from 'typeorm';

import { AppConfig } from '../config/app-config';
import {
  canonicalAuditRecord,
  type ChainedAuditFields,
  type StoredAuditRow,
  checkNextRow,
  startChainCheck,
  subjectRef,
} from './audit-chain';
import { type AuditEventInput } from './audit-event';

/** A constant advisory-lock key that serialises appends, so parallel requests cannot fork the chain. */
const CHAIN_LOCK_KEY = 7_513_2026;
const VERIFY_PAGE_SIZE = 5000;

/** An audit_event row as the driver returns it. */
export interface AuditRowRecord {
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
  chain_version?: number;
  subject_refs?: string[];
  object_ref?: string | null;
  /** Selected by verifyChain: the row is listed in audit_event_redaction. */
  redacted?: boolean;
  prev_hash: Buffer | null;
  hash: Buffer;
}

export function toStoredRow(row: AuditRowRecord): StoredAuditRow {
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
    chainVersion: row.chain_version === 2 ? 2 : 1,
    subjectRefs: row.subject_refs ?? [],
    objectRef: row.object_ref ?? null,
    redacted: row.redacted === true,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** At most this many events per group commit (one call of audit_append). */
const MAX_GROUP_COMMIT = 500;
/**
 * Group commits sent to the database at once. Two were measured slower than one (docs/benchmarks.md,
 * 09:21 run): half-size batches, twice the statements, and the second waits for the lock anyway.
 */
const MAX_BATCHES_IN_FLIGHT = 1;

interface QueuedAuditEvent {
  fields: ChainedAuditFields;
  settle: (error?: unknown) => void;
}

/**
 * The stored fields of an event (chain version 2); the time is when it happened, not when its batch
 * is written. A Client object is always among the subjects, so destruction finds and pseudonymises it.
 */
function auditFields(input: AuditEventInput, refOf: (clientId: string) => string): ChainedAuditFields {
  const objectId = input.objectId ?? null;
  const subjects = new Set(input.subjectClientIds ?? []);
  if (input.objectType === 'Client' && objectId !== null) subjects.add(objectId);
  const subjectClientIds = [...subjects];
  return {
    id: randomUUID(),
    occurredAt: new Date(),
    userId: input.userId,
    username: input.username,
    roles: [...input.roles],
    subjectClientIds,
    chainVersion: 2,
    subjectRefs: subjectClientIds.map(refOf),
    objectRef: objectId !== null && subjects.has(objectId) ? refOf(objectId) : null,
    objectType: input.objectType,
    objectId,
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
}

/**
 * Appends to and verifies the hash-chained access log (R-AUD-01, R-AUD-02). Callers never pass
 * note text or medical content: the input type has no field for it (R-AUD-04).
 */
@Injectable()
export class AuditService {
  private readonly pseudonymKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.pseudonymKey = Buffer.from(config.auditPseudonymKey, 'base64');
  }

  /** The pseudonymous reference of a client in the log (R-RET-05), also a destroyed dossier's reference. */
  refFor(clientId: string): string {
    return subjectRef(this.pseudonymKey, clientId);
  }

  /** Events waiting for the next group commit, each with the promise of its caller. */
  private readonly queue: QueuedAuditEvent[] = [];
  /** Batches sent to the database and not yet answered. */
  private batchesInFlight = 0;

  /**
   * Appends one event. With `manager` the row joins the caller's transaction, so a change and its
   * log entry commit or roll back together; the advisory lock is held until that commit.
   *
   * Without one (reads, denials, logins) the event joins a group commit: events that arrive while
   * batches are being written go into the next batch, written under the chain lock in one
   * statement. Each caller's promise resolves only after its row has committed, so a crash loses
   * no event that a response was given for; a read still answers only once it is logged (fail
   * closed).
   */
  async append(input: AuditEventInput, manager?: EntityManager): Promise<void> {
    if (manager) return this.appendAll([input], manager);
    const fields = auditFields(input, (clientId) => this.refFor(clientId));
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ fields, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      this.sendBatches();
    });
  }

  /** Appends several events, in order, in the caller's transaction: one call of audit_append. */
  async appendAll(inputs: readonly AuditEventInput[], manager: EntityManager): Promise<void> {
    if (inputs.length === 0) return;
    await this.insertChained(
      manager,
      inputs.map((input) => auditFields(input, (clientId) => this.refFor(clientId))),
    );
  }

  /**
   * Sends queued events while fewer than MAX_BATCHES_IN_FLIGHT batches are under way; events that
   * arrive meanwhile wait for the next batch. Were more batches in flight, the chain would still stay
   * linear: audit_append reads the chain's end after taking the lock.
   */
  private sendBatches(): void {
    while (this.queue.length > 0 && this.batchesInFlight < MAX_BATCHES_IN_FLIGHT) {
      const batch = this.queue.splice(0, MAX_GROUP_COMMIT);
      this.batchesInFlight += 1;
      void this.writeBatch(batch).finally(() => {
        this.batchesInFlight -= 1;
        this.sendBatches();
      });
    }
  }

  private async writeBatch(batch: QueuedAuditEvent[]): Promise<void> {
    try {
      // Autocommit: one round trip, and the chain lock ends with the statement's commit.
      await this.insertChained(
        this.dataSource.manager,
        batch.map((item) => item.fields),
      );
      batch.forEach((item) => item.settle());
    } catch (error) {
      // One bad event must not fail the others: retry them one by one, each with its own outcome.
      if (batch.length === 1) batch[0].settle(error);
      else await this.appendOneByOne(batch);
    }
  }

  private async appendOneByOne(batch: QueuedAuditEvent[]): Promise<void> {
    for (const item of batch) {
      try {
        await this.insertChained(this.dataSource.manager, [item.fields]);
        item.settle();
      } catch (error) {
        item.settle(error);
      }
    }
  }

  /**
   * Chains `events` in order after the current end of the log and inserts them, in one call of the
   * database function audit_append (migration 900): it takes the chain lock, reads the end of the
   * chain after the lock is granted, and hashes each event's canonical form as chainHash does.
   */
  private async insertChained(manager: EntityManager, events: readonly ChainedAuditFields[]): Promise<void> {
    const payload = events.map((fields) => ({
      ...fields,
      occurredAt: fields.occurredAt.toISOString(),
      canonical: canonicalAuditRecord(fields),
    }));
    await manager.query('SELECT audit_append($1, $2::jsonb)', [CHAIN_LOCK_KEY, JSON.stringify(payload)]);
  }

  /**
   * The head of the chain and the number of rows up to it, read in one statement (one snapshot),
   * for a checkpoint (R-AUD-02). Null for an empty log.
   */
  async chainHead(): Promise<{ seq: string; hash: Buffer; rowCount: number } | null> {
    const rows: Array<{ seq: string; hash: Buffer; row_count: number }> = await this.dataSource.query(
      `SELECT head.seq, head.hash, (SELECT count(*)::int FROM audit_event e WHERE e.seq <= head.seq) AS row_count
         FROM (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) head`,
    );
    const head = rows[0];
    return head ? { seq: String(head.seq), hash: head.hash, rowCount: head.row_count } : null;
  }

  /** The stored hash of row `seq` (null if there is no such row) and how many rows reach up to it. */
  async rowAt(seq: string): Promise<{ hash: Buffer | null; rowsUpTo: number }> {
    const rows: Array<{ hash: Buffer | null; rows_up_to: number }> = await this.dataSource.query(
      `SELECT (SELECT hash FROM audit_event WHERE seq = $1) AS hash,
              (SELECT count(*)::int FROM audit_event WHERE seq <= $1) AS rows_up_to`,
      [seq],
    );
    return { hash: rows[0].hash, rowsUpTo: rows[0].rows_up_to };
  }

  /** Recomputes the whole chain in pages and names the first broken row. */
  async verifyChain(): Promise<AuditChainVerification> {
    let state = startChainCheck();
    let afterSeq = '0';
    for (;;) {
      const rows: AuditRowRecord[] = await this.dataSource.query(
        `SELECT e.*, EXISTS (SELECT 1 FROM audit_event_redaction r WHERE r.seq = e.seq) AS redacted
           FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
        [afterSeq, VERIFY_PAGE_SIZE],
      );
      for (const row of rows) {
        state = checkNextRow(state, toStoredRow(row), (clientId) => this.refFor(clientId));
        if (!state.ok) break;
      }
      if (!state.ok || rows.length < VERIFY_PAGE_SIZE) break;
      afterSeq = String(rows[rows.length - 1].seq);
    }
    return {
      ok: state.ok,
      checked: state.checked,
      checkedByLinkOnly: state.checkedByLinkOnly,
      firstBrokenSeq: state.firstBrokenSeq,
      reason: state.reason,
    };
  }
}
