import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE, MEDICAL_ROLE, MEDICAL_SCHEMA as M } from '../provision/roles';

/**
 * Issue 7, item 10: destruction by batches of whole dossiers (ADR 0008). The functions of migrations
 * 1050 and 1100 took one item; these take a batch of items and do set-based what those did per
 * dossier, with the same checks: every item approved and due (else nothing happens), legal holds
 * checked at the moment of destruction (R-RET-03), the medical records first through the medical
 * role, the log pseudonymised only for clients that no longer exist (R-RET-05).
 *
 * The medical function now also records on the item how many records it destroyed, so the count
 * survives when the rest of the dossier is destroyed in a later transaction (a crash in between).
 */
export class BatchDestruction1763800001150 implements MigrationInterface {
  name = 'BatchDestruction1763800001150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE destruction_item ADD COLUMN medical_records_destroyed integer NOT NULL DEFAULT 0`,
    );
    // The runner walks the due items of a list by id; the partial index shrinks as dossiers go.
    await q.query(
      `CREATE INDEX destruction_item_due_idx ON destruction_item (list_id, id) WHERE status = 'due'`,
    );
    // Deleting a dossier checks these references row by row; without an index each check reads
    // the whole referencing table, which makes a large run quadratic.
    await q.query(`CREATE INDEX legal_hold_trajectory_idx ON legal_hold (trajectory_id)`);
    await q.query(`CREATE INDEX consent_evidence_document_idx ON consent (evidence_document_id)`);
    await q.query(`CREATE INDEX disclosure_consent_idx ON disclosure (consent_id)`);
    await q.query(
      `CREATE INDEX care_provider_request_consent_idx ON ${M}.care_provider_request (consent_id)`,
    );
    // A trajectory deleted with its client has no client scope left to refresh; skipping the
    // refresh saves a planned statement per trajectory of every destroyed dossier.
    await q.query(`
      CREATE OR REPLACE FUNCTION trajectory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' OR (TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)) THEN
          PERFORM client_refresh_trajectory_scope(OLD.client_id);
        END IF;
        IF TG_OP IN ('INSERT','UPDATE') THEN PERFORM client_refresh_trajectory_scope(NEW.client_id); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION destroy_dossier(uuid, integer)`);
    await q.query(`DROP FUNCTION ${M}.destroy_records(uuid)`);
    await q.query(`DROP FUNCTION audit_pseudonymise_client(uuid)`);
    await q.query(`DROP FUNCTION destruction_item_executable(uuid)`);

    // The items, locked, that may be destroyed now (approved list, still due).
    await q.query(`
      CREATE FUNCTION destruction_items_executable(targets uuid[]) RETURNS SETOF destruction_item
      LANGUAGE sql SET search_path = pg_catalog, public AS $$
        SELECT i.* FROM destruction_item i JOIN destruction_list l ON l.id = i.list_id
         WHERE i.id = ANY (targets) AND i.status = 'due' AND l.status IN ('approved', 'running')
         ORDER BY i.id
           FOR UPDATE OF i
      $$`);

    await q.query(`
      CREATE FUNCTION destruction_item_trajectories(item destruction_item, wanted text) RETURNS uuid[]
      LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(array_agg((element.value->>'trajectoryId')::uuid), '{}')
          FROM jsonb_array_elements(item.parts) AS element(value) WHERE element.value->>'part' = wanted
      $$`);

    // Medical part, on the medical connection: per item not held, the records, their history and the
    // care-provider requests of its trajectories whose medical part is due.
    await q.query(`
      CREATE FUNCTION ${M}.destroy_records(targets uuid[]) RETURNS TABLE (item_id uuid, destroyed integer)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        item destruction_item;
        medical_trajectories uuid[];
      BEGIN
        FOR item IN SELECT * FROM destruction_items_executable(targets) LOOP
          medical_trajectories := destruction_item_trajectories(item, 'medical');
          CONTINUE WHEN cardinality(medical_trajectories) = 0 OR destruction_item_held(item);
          DELETE FROM ${M}.medical_record_version WHERE trajectory_id = ANY (medical_trajectories);
          DELETE FROM ${M}.care_provider_request WHERE trajectory_id = ANY (medical_trajectories);
          DELETE FROM ${M}.medical_record WHERE trajectory_id = ANY (medical_trajectories);
          GET DIAGNOSTICS destroyed = ROW_COUNT;
          UPDATE destruction_item SET medical_records_destroyed = medical_records_destroyed + destroyed
           WHERE id = item.id;
          item_id := item.id;
          RETURN NEXT;
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${M}.destroy_records(uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${M}.destroy_records(uuid[]) TO ${MEDICAL_ROLE}`);

    // Append-only, except removing the ids of destroyed clients while audit_pseudonymise_clients runs
    // (the setting holds the ids of the batch). An UPDATE that names any column but the two
    // pseudonymised ones is refused row by row (a column added later must join that list;
    // audit.int.spec.ts fails until it does). An UPDATE of the two is checked once per statement over
    // its transition tables: a per-row check cost more than the update itself in a destruction run.
    await q.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update BEFORE UPDATE OF
        seq, id, occurred_at, user_id, username, roles, object_type, categories, action, result, ground,
        route, http_status, ip, user_agent, request_id, details, prev_hash, hash, chain_version,
        subject_refs, object_ref
      ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE FUNCTION audit_event_pseudonymised_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        removed uuid[];
      BEGIN
        IF coalesce(current_setting('werkpad.audit_pseudonymise', true), '') = '' THEN
          RAISE EXCEPTION 'audit_event is append-only (UPDATE refused)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        removed := current_setting('werkpad.audit_pseudonymise', true)::uuid[];
        IF EXISTS (
          SELECT 1 FROM old_rows o JOIN new_rows n ON n.seq = o.seq
           WHERE NOT (n.subject_client_ids <@ o.subject_client_ids
                      AND NOT (n.subject_client_ids && removed)
                      AND o.subject_client_ids <@ (n.subject_client_ids || removed)
                      AND (n.object_id IS NOT DISTINCT FROM o.object_id
                           OR (n.object_id IS NULL AND o.object_id = ANY (removed::text[]))))) THEN
          RAISE EXCEPTION 'audit_event is append-only (UPDATE refused)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_pseudonymised_only AFTER UPDATE ON audit_event
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_pseudonymised_only()`);

    // The owner's function, callable by the app only for the clients of due items of an approved
    // destruction list whose client rows are already gone: the log of a living client can never be
    // pseudonymised. Returns per item the number of log rows changed.
    await q.query(`
      CREATE FUNCTION audit_pseudonymise_clients(item_ids uuid[]) RETURNS TABLE (item_id uuid, changed integer)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        clients uuid[];
        hit_seqs bigint[];
        legacy_seqs bigint[];
      BEGIN
        SELECT array_agg(i.client_id) INTO clients
          FROM destruction_item i JOIN destruction_list l ON l.id = i.list_id
         WHERE i.id = ANY (item_ids) AND i.scope = 'client' AND i.status = 'due' AND i.client_id IS NOT NULL
           AND l.status IN ('approved', 'running');
        IF coalesce(cardinality(clients), 0) <> cardinality(item_ids) THEN
          RAISE EXCEPTION 'not every item is a due dossier of an approved destruction list'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT 1 FROM client WHERE id = ANY (clients)) THEN
          RAISE EXCEPTION 'a client of these items still exists: its access log cannot be pseudonymised'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- One GIN overlap lookup for the whole batch, then updates by primary key: a join of the
        -- batch against audit_event would let the planner pick a sequential scan of the whole log.
        SELECT coalesce(array_agg(e.seq), '{}'), coalesce(array_agg(e.seq) FILTER (WHERE e.chain_version = 1), '{}')
          INTO hit_seqs, legacy_seqs
          FROM audit_event e WHERE e.subject_client_ids && clients;
        RETURN QUERY
          SELECT i.id, count(hit.client_id)::int
            FROM destruction_item i
            LEFT JOIN (SELECT x AS client_id FROM audit_event e, unnest(e.subject_client_ids) AS x
                        WHERE e.seq = ANY (hit_seqs) AND x = ANY (clients)) hit ON hit.client_id = i.client_id
           WHERE i.id = ANY (item_ids)
           GROUP BY i.id;
        INSERT INTO audit_event_redaction (seq) SELECT unnest(legacy_seqs) ON CONFLICT DO NOTHING;
        PERFORM set_config('werkpad.audit_pseudonymise', clients::text, true);
        UPDATE audit_event e
           SET subject_client_ids = ARRAY(SELECT x FROM unnest(e.subject_client_ids) WITH ORDINALITY AS s(x, n)
                                           WHERE x <> ALL (clients) ORDER BY n),
               object_id = CASE WHEN e.object_id = ANY (clients::text[]) THEN NULL ELSE e.object_id END
         WHERE e.seq = ANY (hit_seqs);
        PERFORM set_config('werkpad.audit_pseudonymise', '', true);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_pseudonymise_clients(uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_pseudonymise_clients(uuid[]) TO ${APP_ROLE}`);

    // The file part of an item that covers trajectories, not the whole client (rare: an
    // arbeidsdiagnose whose 2-year file part goes before its 15-year medical part). Returns the counts.
    await q.query(`
      CREATE FUNCTION destroy_trajectory_parts(item destruction_item) RETURNS jsonb
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      DECLARE
        file_trajectories uuid[] := destruction_item_trajectories(item, 'file');
        medical_trajectories uuid[] := destruction_item_trajectories(item, 'medical');
        whole_trajectories uuid[];
        documents uuid[];
        tally jsonb;
      BEGIN
        SELECT coalesce(array_agg(e.document_id), '{}') INTO documents
          FROM dossier_entry e WHERE e.trajectory_id = ANY (file_trajectories) AND e.document_id IS NOT NULL;
        SELECT coalesce(array_agg(t.id), '{}') INTO whole_trajectories
          FROM trajectory t
         WHERE t.id = ANY (item.trajectory_ids)
           AND (t.id = ANY (file_trajectories) OR t.file_destroyed_at IS NOT NULL)
           AND (t.type <> 'arbeidsdiagnose' OR t.id = ANY (medical_trajectories));
        SELECT jsonb_build_object(
          'trajectories', cardinality(whole_trajectories),
          'dossierEntries', (SELECT count(*) FROM dossier_entry WHERE trajectory_id = ANY (file_trajectories)),
          'documents', cardinality(documents),
          'consents', 0,
          'disclosures', (SELECT count(*) FROM disclosure WHERE trajectory_id = ANY (file_trajectories)),
          'payrollRecords', 0,
          'other', (SELECT count(*) FROM diagnosis_outcome WHERE trajectory_id = ANY (file_trajectories))
                 + (SELECT count(*) FROM functional_capability WHERE trajectory_id = ANY (file_trajectories)))
          INTO tally;
        DELETE FROM document WHERE id = ANY (documents);
        DELETE FROM dossier_entry WHERE trajectory_id = ANY (file_trajectories);
        DELETE FROM disclosure WHERE trajectory_id = ANY (file_trajectories);
        DELETE FROM diagnosis_outcome WHERE trajectory_id = ANY (file_trajectories);
        DELETE FROM functional_capability WHERE trajectory_id = ANY (file_trajectories);
        DELETE FROM trajectory WHERE id = ANY (whole_trajectories);
        UPDATE trajectory SET file_destroyed_at = now()
         WHERE id = ANY (file_trajectories) AND NOT (id = ANY (whole_trajectories));
        RETURN tally;
      END $$`);

    // Everything else of a batch of items, on the main connection, in the caller's transaction: all
    // or nothing. Items under a hold now are marked held and left alone. Returns one row per item.
    await q.query(`
      CREATE FUNCTION destroy_dossiers(targets uuid[])
        RETURNS TABLE (item_id uuid, scope text, client_id uuid, dossier_ref text, held boolean, counts jsonb)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        locked integer;
        item destruction_item;
        client_items uuid[];
        clients uuid[];
        medical_trajectories uuid[];
      BEGIN
        PERFORM 1 FROM destruction_items_executable(targets);
        GET DIAGNOSTICS locked = ROW_COUNT;
        IF locked <> cardinality(targets) THEN
          RAISE EXCEPTION 'not every destruction item of the batch is approved and due'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- Only items whose client has an active hold at all are asked the full question.
        UPDATE destruction_item i SET status = 'held'
         WHERE i.id = ANY (targets)
           AND i.client_id IN (SELECT h.client_id FROM legal_hold h WHERE h.lifted_at IS NULL)
           AND destruction_item_held(i);
        SELECT coalesce(array_agg(t), '{}') INTO medical_trajectories
          FROM destruction_item i, unnest(destruction_item_trajectories(i, 'medical')) AS t
         WHERE i.id = ANY (targets) AND i.status = 'due' AND i.parts @> '[{"part": "medical"}]';
        IF EXISTS (SELECT 1 FROM ${M}.medical_record r WHERE r.trajectory_id = ANY (medical_trajectories))
           OR EXISTS (SELECT 1 FROM ${M}.care_provider_request r WHERE r.trajectory_id = ANY (medical_trajectories)) THEN
          RAISE EXCEPTION 'the medical records of the batch must be destroyed first';
        END IF;

        FOR item IN SELECT * FROM destruction_item i
                     WHERE i.id = ANY (targets) AND i.status = 'due' AND i.scope = 'trajectories' LOOP
          UPDATE destruction_item SET counts = destroy_trajectory_parts(item) WHERE id = item.id;
        END LOOP;

        -- Whole dossiers: counted for the certificate (one grouped query per table for the whole
        -- batch), then the client row, whose delete cascades into every public table that refers to it.
        SELECT coalesce(array_agg(i.id), '{}'), coalesce(array_agg(i.client_id), '{}') INTO client_items, clients
          FROM destruction_item i WHERE i.id = ANY (targets) AND i.status = 'due' AND i.scope = 'client';
        WITH counted (client_id, category, n) AS (
          SELECT t.client_id, 'trajectories', count(*) FROM trajectory t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'dossierEntries', count(*) FROM dossier_entry t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'documents', count(*) FROM document t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'consents', count(*) FROM consent t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'disclosures', count(*) FROM disclosure t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'payrollRecords', count(*) FROM employment t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT e.client_id, 'payrollRecords', count(*) FROM hours_record h JOIN employment e ON e.id = h.employment_id
                     WHERE e.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT e.client_id, 'payrollRecords', count(*) FROM absence_episode a JOIN employment e ON e.id = a.employment_id
                     WHERE e.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'payrollRecords', count(*) FROM loonwaarde_assessment t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'payrollRecords', count(*) FROM lks_application t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'other', count(*) FROM field_change t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'other', count(*) FROM diagnosis_outcome t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'other', count(*) FROM functional_capability t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'other', count(*) FROM emergency_access t WHERE t.client_id = ANY (clients) GROUP BY 1
          UNION ALL SELECT t.client_id, 'other', count(*) FROM legal_hold t WHERE t.client_id = ANY (clients) GROUP BY 1
        ), tallies AS (
          SELECT c.client_id, jsonb_object_agg(c.category, c.n) AS counts
            FROM (SELECT counted.client_id, category, sum(n)::int AS n FROM counted GROUP BY 1, 2) c
           GROUP BY c.client_id
        )
        UPDATE destruction_item i
           SET counts = '{"trajectories": 0, "dossierEntries": 0, "documents": 0, "consents": 0, "disclosures": 0,
                          "payrollRecords": 0, "other": 0}'::jsonb || coalesce(t.counts, '{}')
          FROM unnest(client_items, clients) AS x(id, client_id) LEFT JOIN tallies t ON t.client_id = x.client_id
         WHERE i.id = x.id;
        DELETE FROM client c WHERE c.id = ANY (clients);
        IF cardinality(client_items) > 0 THEN
          UPDATE destruction_item i
             SET counts = i.counts || jsonb_build_object('auditRowsPseudonymised', p.changed)
            FROM audit_pseudonymise_clients(client_items) p
           WHERE i.id = p.item_id;
        END IF;

        RETURN QUERY
          UPDATE destruction_item i
             SET status = 'destroyed', destroyed_at = now(),
                 counts = coalesce(i.counts, '{}') || jsonb_build_object('medicalRecords', i.medical_records_destroyed)
                   || CASE WHEN i.scope = 'client' THEN '{}'::jsonb ELSE '{"auditRowsPseudonymised": 0}'::jsonb END,
                 client_id = CASE WHEN i.scope = 'client' THEN NULL ELSE i.client_id END
           WHERE i.id = ANY (targets) AND i.status = 'due'
          RETURNING i.id, i.scope, i.client_id, i.dossier_ref, false, i.counts;
        RETURN QUERY
          SELECT i.id, i.scope, i.client_id, i.dossier_ref, true, NULL::jsonb
            FROM destruction_item i WHERE i.id = ANY (targets) AND i.status = 'held';
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION destroy_dossiers(uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION destroy_dossiers(uuid[]) TO ${APP_ROLE}`);
  }

  async down(): Promise<void> {
    // The functions of migration 1050 and 1100 took one item; restoring them here would restate both
    // in full. Forward-only, like every migration that replaces destruction functions.
    throw new Error('BatchDestruction1763800001150 cannot be reverted; restore from a backup instead');
  }
}
