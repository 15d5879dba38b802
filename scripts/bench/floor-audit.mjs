// The audit append of the floor: the same group commit, lock and hash chain as the app's
// AuditService.append without a caller transaction (reads, denials, logins), so the floor pays
// what the app pays for every audited read.
import { randomUUID } from 'node:crypto';

import { chainHash, pool } from './floor-backend.mjs';

const CHAIN_LOCK_KEY = 75_132_026; // AuditService's advisory-lock key
const MAX_GROUP_COMMIT = 500; // AuditService's batch limit (20 parameters an event)

const COLUMNS = `id, occurred_at, user_id, username, roles, subject_client_ids, object_type, object_id,
  categories, action, result, ground, route, http_status, ip, user_agent, request_id, details, prev_hash, hash`;

/** The user fields of an audit row. */
export function auditAs(user) {
  return { userId: user.userId, username: user.username, roles: user.roles };
}

/** Events waiting for the next group commit, each with the promise of its request. */
const queue = [];
let flushing = false;

/**
 * AuditService.append without a manager: the event joins the next group commit and the promise
 * resolves only after its row has committed, so the response still waits for the log.
 */
export function appendAudit(event, request) {
  const fields = {
    id: randomUUID(),
    occurredAt: new Date(),
    subjectClientIds: [],
    objectId: null,
    ground: null,
    details: null,
    ...event,
    route: `${request.method} ${new URL(request.url, 'http://floor').pathname}`,
    ip: request.socket.remoteAddress ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    requestId: randomUUID(),
  };
  return new Promise((resolve, reject) => {
    queue.push({ fields, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    if (!flushing) void flush();
  });
}

/** One flush loop: events that arrive while a batch is written go into the next batch. */
async function flush() {
  flushing = true;
  try {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_GROUP_COMMIT);
      try {
        await inTransaction(batch.map((item) => item.fields));
        batch.forEach((item) => item.settle());
      } catch (error) {
        // As the app: one bad event must not fail the others, so retry them one by one.
        if (batch.length === 1) batch[0].settle(error);
        else await appendOneByOne(batch);
      }
    }
  } finally {
    flushing = false;
  }
}

async function appendOneByOne(batch) {
  for (const item of batch) {
    try {
      await inTransaction([item.fields]);
      item.settle();
    } catch (error) {
      item.settle(error);
    }
  }
}

/** One transaction: the lock, the chain's end, then all events chained in order in one INSERT. */
async function inTransaction(events) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last = await client.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    let prevHash = last.rows[0]?.hash ?? null;
    const parameters = [];
    const rows = [];
    for (const fields of events) {
      const hash = chainHash(prevHash, fields);
      const values = [
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
        hash,
      ];
      const offset = parameters.length;
      rows.push(`(${values.map((_, index) => `$${offset + index + 1}`).join(', ')})`);
      parameters.push(...values);
      prevHash = hash;
    }
    // Identity values follow the order of the VALUES list, so seq order is chain order.
    await client.query(`INSERT INTO audit_event (${COLUMNS}) VALUES ${rows.join(', ')}`, parameters);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
