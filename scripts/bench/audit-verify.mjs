// Checks the hash chain after a run, as `npm run audit:verify` does, so a bench run shows that the
// app's and the floor's group commits, interleaved under the one advisory lock, kept it intact.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT } from '../lib/dev-env.mjs';

const require = createRequire(import.meta.url);

const PAGE_SIZE = 5000;

/** AuditService's toStoredRow: the driver's row as the chain check reads it. */
function toStoredRow(row) {
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

/** Walks the whole log in seq order (as the owner); the result names the first broken row. */
export async function verifyAuditChain(stack) {
  // Loaded here, not on import: scripts/bench.mjs builds dist/ only after its imports.
  const { checkNextRow, startChainCheck, subjectRef } = require(
    join(ROOT, 'dist/backend/backend/src/audit/audit-chain.js'),
  );
  const key = Buffer.from(stack.secrets.auditPseudonymKey, 'base64');
  const refOf = (clientId) => subjectRef(key, clientId);
  let state = startChainCheck();
  let afterSeq = '0';
  for (;;) {
    const rows = await stack.query(
      `SELECT e.*, EXISTS (SELECT 1 FROM audit_event_redaction r WHERE r.seq = e.seq) AS redacted
         FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
      [afterSeq, PAGE_SIZE],
    );
    for (const row of rows) {
      state = checkNextRow(state, toStoredRow(row), refOf);
      if (!state.ok) return state;
    }
    if (rows.length < PAGE_SIZE) return state;
    afterSeq = String(rows[rows.length - 1].seq);
  }
}
