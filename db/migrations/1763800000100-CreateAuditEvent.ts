import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * The append-only access log (R-AUD-01, R-AUD-02). Each row carries the hash of its predecessor;
 * the application role may only INSERT and SELECT, and a trigger refuses UPDATE, DELETE and
 * TRUNCATE for every role, so that a change needs a deliberate schema change by the owner (which
 * the chain verification still detects).
 */
export class CreateAuditEvent1763800000100 implements MigrationInterface {
  name = 'CreateAuditEvent1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        occurred_at timestamptz NOT NULL,
        user_id uuid NULL,
        username text NULL,
        roles text[] NOT NULL DEFAULT '{}',
        subject_client_ids uuid[] NOT NULL DEFAULT '{}',
        object_type text NOT NULL,
        object_id text NULL,
        categories text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        result text NOT NULL CHECK (result IN ('allowed', 'denied', 'failed')),
        ground jsonb NULL,
        route text NULL,
        http_status integer NULL,
        ip text NULL,
        user_agent text NULL,
        request_id text NULL,
        prev_hash bytea NULL,
        hash bytea NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at)`);
    await q.query(`CREATE INDEX audit_event_user_idx ON audit_event (user_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_event_clients_idx ON audit_event USING gin (subject_client_ids)`);
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_is_append_only()`);
  }
}
