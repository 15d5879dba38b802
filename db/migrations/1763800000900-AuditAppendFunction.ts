import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 6, item 10: appending to the hash-chained log in one round trip. The application computes
 * each event's canonical serialisation (backend/src/audit/audit-chain.ts) and hands a batch to this
 * function, which takes the chain lock, reads the chain's end and chains and inserts the events:
 * hash(n) = SHA-256(hash(n-1) | canonical(n)), exactly as the application computes it, so
 * verification is unchanged. The lock is transaction-scoped: called in autocommit it is released at
 * the statement's commit; called inside a change's transaction it is held until that commit.
 */
export class AuditAppendFunction1763800000900 implements MigrationInterface {
  name = 'AuditAppendFunction1763800000900';

  async up(q: QueryRunner): Promise<void> {
    // VOLATILE: each statement inside takes a fresh snapshot, so the chain's end is read after the
    // lock is granted and includes the row the previous holder just committed (no fork).
    await q.query(`
      CREATE FUNCTION audit_append(lock_key bigint, events jsonb) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
      DECLARE
        previous bytea;
        event jsonb;
        current bytea;
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        SELECT hash INTO previous FROM audit_event ORDER BY seq DESC LIMIT 1;
        FOR event IN SELECT value FROM jsonb_array_elements(events) WITH ORDINALITY ORDER BY ordinality LOOP
          current := sha256(coalesce(previous, ''::bytea) || '\\x7c'::bytea
                            || convert_to(event->>'canonical', 'UTF8'));
          INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type,
                                   object_id, categories, action, result, ground, route, http_status, ip,
                                   user_agent, request_id, details, prev_hash, hash)
          VALUES ((event->>'id')::uuid, (event->>'occurredAt')::timestamptz, (event->>'userId')::uuid,
                  event->>'username',
                  ARRAY(SELECT jsonb_array_elements_text(event->'roles')),
                  ARRAY(SELECT jsonb_array_elements_text(event->'subjectClientIds'))::uuid[],
                  event->>'objectType', event->>'objectId',
                  ARRAY(SELECT jsonb_array_elements_text(event->'categories')),
                  event->>'action', event->>'result', nullif(event->'ground', 'null'::jsonb),
                  event->>'route', (event->>'httpStatus')::integer, event->>'ip', event->>'userAgent',
                  event->>'requestId', nullif(event->'details', 'null'::jsonb), previous, current);
          previous := current;
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_append(bigint, jsonb) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_append(bigint, jsonb) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_append(bigint, jsonb)`);
  }
}
