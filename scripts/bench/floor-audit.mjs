// The audit append of the floor: the same group commit, lock and hash chain as the app's
// AuditService.append without a caller transaction (reads, denials, logins), so the floor pays
// what the app pays for every audited read: one call of audit_append (migration 900) per batch.
import { randomUUID } from 'node:crypto';

import { canonicalAuditRecord, pool, refFor } from './floor-backend.mjs';

const CHAIN_LOCK_KEY = 75_132_026; // AuditService's advisory-lock key (7_513_2026)
const MAX_GROUP_COMMIT = 500; // AuditService's batch limit
const MAX_BATCHES_IN_FLIGHT = 1; // AuditService's batches under way at once

/** The user fields of an audit row. */
export function auditAs(user) {
  return { userId: user.userId, username: user.username, roles: user.roles };
}

/** Events waiting for the next group commit, each with the promise of its request. */
const queue = [];
let batchesInFlight = 0;

/**
 * AuditService.append without a manager: the event joins the next group commit and the promise
 * resolves only after its row has committed, so the response still waits for the log.
 */
export function appendAudit(event, request) {
  const base = {
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
  // As AuditService's auditFields: chain version 2, the clients as keyed references.
  const fields = {
    ...base,
    chainVersion: 2,
    subjectRefs: base.subjectClientIds.map(refFor),
    objectRef:
      base.objectId !== null && base.subjectClientIds.includes(base.objectId) ? refFor(base.objectId) : null,
  };
  return new Promise((resolve, reject) => {
    queue.push({ fields, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    sendBatches();
  });
}

/** As AuditService.sendBatches: at most MAX_BATCHES_IN_FLIGHT batches under way at once. */
function sendBatches() {
  while (queue.length > 0 && batchesInFlight < MAX_BATCHES_IN_FLIGHT) {
    const batch = queue.splice(0, MAX_GROUP_COMMIT);
    batchesInFlight += 1;
    void writeBatch(batch).finally(() => {
      batchesInFlight -= 1;
      sendBatches();
    });
  }
}

async function writeBatch(batch) {
  try {
    await appendChained(batch.map((item) => item.fields));
    batch.forEach((item) => item.settle());
  } catch (error) {
    // As the app: one bad event must not fail the others, so retry them one by one.
    if (batch.length === 1) batch[0].settle(error);
    else await appendOneByOne(batch);
  }
}

async function appendOneByOne(batch) {
  for (const item of batch) {
    try {
      await appendChained([item.fields]);
      item.settle();
    } catch (error) {
      item.settle(error);
    }
  }
}

/**
 * AuditService.insertChained: one statement in autocommit on a pool connection, as the app's
 * `dataSource.manager.query`. The function takes the chain lock (released at the statement's
 * commit), reads the chain's end and chains and inserts the events in array order.
 */
async function appendChained(events) {
  const payload = events.map((fields) => ({
    ...fields,
    occurredAt: fields.occurredAt.toISOString(),
    canonical: canonicalAuditRecord(fields),
  }));
  await pool.query('SELECT audit_append($1, $2::jsonb)', [CHAIN_LOCK_KEY, JSON.stringify(payload)]);
}
