// The audit append of the floor: the same transaction, lock and hash chain as the app's
// AuditService, so the floor pays what the app pays for every audited read.
import { randomUUID } from 'node:crypto';

import { chainHash, pool } from './floor-backend.mjs';

const CHAIN_LOCK_KEY = 75_132_026; // AuditService's advisory-lock key

/** The user fields of an audit row. */
export function auditAs(user) {
  return { userId: user.userId, username: user.username, roles: user.roles };
}

/** AuditService.append: its own transaction, serialised by the advisory lock, hash-chained. */
export async function appendAudit(event, request) {
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
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last = await client.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    const prevHash = last.rows[0]?.hash ?? null;
    await client.query(
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
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
