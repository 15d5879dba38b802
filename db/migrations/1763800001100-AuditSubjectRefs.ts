import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 7, R-RET-05: after destruction the access log keeps only a pseudonymous reference, and the
 * hash chain must still verify. From here on rows are chain version 2: their hash covers
 * subject_refs (HMAC-SHA256 of each client id under AUDIT_PSEUDONYM_KEY, computed by the application,
 * the key never in the database) and object_ref instead of the ids. Destruction removes the ids
 * through audit_pseudonymise_client, the one change the append-only trigger lets through.
 */
export class AuditSubjectRefs1763800001100 implements MigrationInterface {
  name = 'AuditSubjectRefs1763800001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event
        ADD COLUMN chain_version smallint NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2)),
        ADD COLUMN subject_refs text[] NOT NULL DEFAULT '{}',
        ADD COLUMN object_ref text NULL`);
    // Destruction updates rows found through the GIN indexes; with the pending list (fastupdate) every
    // search also scans the list of recent changes, which grew during a run (docs/benchmarks.md).
    await q.query(`ALTER INDEX audit_event_clients_idx SET (fastupdate = off)`);
    await q.query(`ALTER INDEX audit_event_categories_idx SET (fastupdate = off)`);
    // Version-1 rows pseudonymised by destruction: their content no longer matches their hash, so the
    // verifier checks them by their links only (development databases from before this migration).
    await q.query(`
      CREATE TABLE audit_event_redaction (
        seq bigint PRIMARY KEY,
        redacted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`GRANT SELECT ON audit_event_redaction TO ${APP_ROLE}`);

    // Append-only, except removing a destroyed client's id while audit_pseudonymise_client runs.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('werkpad.audit_pseudonymise', true) IS NOT NULL
           AND current_setting('werkpad.audit_pseudonymise', true) <> ''
           AND NEW.subject_client_ids = array_remove(OLD.subject_client_ids,
                 current_setting('werkpad.audit_pseudonymise', true)::uuid)
           AND (NEW.object_id IS NOT DISTINCT FROM OLD.object_id
                OR (NEW.object_id IS NULL AND OLD.object_id = current_setting('werkpad.audit_pseudonymise', true)))
           AND (NEW.seq, NEW.id, NEW.occurred_at, NEW.user_id, NEW.username, NEW.roles, NEW.object_type,
                NEW.categories, NEW.action, NEW.result, NEW.ground, NEW.route, NEW.http_status, NEW.ip,
                NEW.user_agent, NEW.request_id, NEW.details, NEW.prev_hash, NEW.hash, NEW.chain_version,
                NEW.subject_refs, NEW.object_ref)
               IS NOT DISTINCT FROM
               (OLD.seq, OLD.id, OLD.occurred_at, OLD.user_id, OLD.username, OLD.roles, OLD.object_type,
                OLD.categories, OLD.action, OLD.result, OLD.ground, OLD.route, OLD.http_status, OLD.ip,
                OLD.user_agent, OLD.request_id, OLD.details, OLD.prev_hash, OLD.hash, OLD.chain_version,
                OLD.subject_refs, OLD.object_ref)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);

    // The owner's function, callable by the app only for the client of a due item of an approved
    // destruction list whose client row is already gone: the log of a living client can never be
    // pseudonymised. The item is found by its key (a lookup by client id misplanned on a large list).
    await q.query(`
      CREATE FUNCTION audit_pseudonymise_client(item_id uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        target uuid;
        changed integer;
      BEGIN
        SELECT i.client_id INTO target FROM destruction_item i JOIN destruction_list l ON l.id = i.list_id
         WHERE i.id = item_id AND i.scope = 'client' AND i.status = 'due' AND l.status IN ('approved', 'running');
        IF target IS NULL THEN
          RAISE EXCEPTION 'item % is not a due dossier of an approved destruction list', item_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT 1 FROM client WHERE id = target) THEN
          RAISE EXCEPTION 'client % still exists: its access log cannot be pseudonymised', target
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO audit_event_redaction (seq)
          SELECT seq FROM audit_event WHERE subject_client_ids @> ARRAY[target] AND chain_version = 1
          ON CONFLICT DO NOTHING;
        PERFORM set_config('werkpad.audit_pseudonymise', target::text, true);
        UPDATE audit_event
           SET subject_client_ids = array_remove(subject_client_ids, target),
               object_id = CASE WHEN object_id = target::text THEN NULL ELSE object_id END
         WHERE subject_client_ids @> ARRAY[target];
        GET DIAGNOSTICS changed = ROW_COUNT;
        PERFORM set_config('werkpad.audit_pseudonymise', '', true);
        RETURN changed;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_pseudonymise_client(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_pseudonymise_client(uuid) TO ${APP_ROLE}`);

    // audit_append (migration 900) now stores the chain version and the references too.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_append(lock_key bigint, events jsonb) RETURNS void
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
                                   user_agent, request_id, details, prev_hash, hash, chain_version,
                                   subject_refs, object_ref)
          VALUES ((event->>'id')::uuid, (event->>'occurredAt')::timestamptz, (event->>'userId')::uuid,
                  event->>'username',
                  ARRAY(SELECT jsonb_array_elements_text(event->'roles')),
                  ARRAY(SELECT jsonb_array_elements_text(event->'subjectClientIds'))::uuid[],
                  event->>'objectType', event->>'objectId',
                  ARRAY(SELECT jsonb_array_elements_text(event->'categories')),
                  event->>'action', event->>'result', nullif(event->'ground', 'null'::jsonb),
                  event->>'route', (event->>'httpStatus')::integer, event->>'ip', event->>'userAgent',
                  event->>'requestId', nullif(event->'details', 'null'::jsonb), previous, current,
                  coalesce((event->>'chainVersion')::smallint, 1),
                  coalesce(ARRAY(SELECT jsonb_array_elements_text(event->'subjectRefs')), '{}'),
                  event->>'objectRef');
          previous := current;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_pseudonymise_client(uuid)`);
    await q.query(`DROP TABLE audit_event_redaction`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `ALTER TABLE audit_event DROP COLUMN chain_version, DROP COLUMN subject_refs, DROP COLUMN object_ref`,
    );
  }
}
