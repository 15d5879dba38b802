// The FG's access-log search in the floor (issue 6): the same SQL as AccessLogService.search (the
// page and a count capped at 10 001, in parallel on two pool connections), then the audit row of
// the read, unless the bench sends `x-floor-audit: off` to measure what that row costs.
import { appendAudit, auditAs } from './floor-audit.mjs';
import { activeUser } from './floor-auth.mjs';
import { pool } from './floor-backend.mjs';
import { HttpError } from './floor-http.mjs';

const COUNT_CAP = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `e.seq::text AS seq, e.occurred_at, e.user_id, e.username, e.roles, e.subject_client_ids,
  e.object_type, e.object_id, e.categories, e.action, e.result, e.ground, e.route, e.http_status`;
const FG_GROUND = { kind: 'role_policy', reference: 'audit.policy (dpo)' };

/** The filters the bench uses (client and user), as accessLogWhere() writes them. */
function whereOf(url) {
  const conditions = [];
  const params = [];
  const clientId = url.searchParams.get('clientId');
  const userId = url.searchParams.get('userId');
  for (const [value, condition] of [
    [clientId, (p) => `e.subject_client_ids @> ARRAY[${p}]::uuid[]`],
    [userId, (p) => `e.user_id = ${p}`],
  ]) {
    if (value === null) continue;
    if (!UUID.test(value)) throw new HttpError(400, 'not a uuid');
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params, clientId, userId };
}

export async function accessLog(request) {
  const user = await activeUser(request);
  if (!user.roles.includes('dpo')) throw new HttpError(403, 'not the FG');
  const url = new URL(request.url, 'http://floor');
  const pageSize = Math.min(200, Math.max(1, Number(url.searchParams.get('pageSize') ?? 50) || 50));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const direction = url.searchParams.get('order') === 'asc' ? 'ASC' : 'DESC';
  const where = whereOf(url);
  const n = where.params.length;
  const [rows, count] = await Promise.all([
    pool.query(
      `SELECT ${COLUMNS} FROM audit_event e ${where.sql}
        ORDER BY e.occurred_at ${direction}, e.seq ${direction} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...where.params, pageSize, (page - 1) * pageSize],
    ),
    pool.query(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM audit_event e ${where.sql} LIMIT $${n + 1}) capped`,
      [...where.params, COUNT_CAP + 1],
    ),
  ]);
  const items = rows.rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
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
    emergency: row.ground?.kind === 'emergency',
  }));
  const body = { items, total: count.rows[0].total, page, pageSize };
  // Only the benchmark sends this header, to measure what the audit append costs.
  if (request.headers['x-floor-audit'] === 'off') return { status: 200, body };
  const details = { page: String(page), pageSize: String(pageSize), order: direction.toLowerCase() };
  if (where.clientId) details.clientId = where.clientId;
  if (where.userId) details.userId = where.userId;
  await appendAudit(
    {
      ...auditAs(user),
      subjectClientIds: where.clientId ? [where.clientId] : [],
      objectType: 'AuditEvent',
      action: 'search',
      result: 'allowed',
      categories: [],
      ground: FG_GROUND,
      details,
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body };
}
