import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE, MEDICAL_ROLE, MEDICAL_SCHEMA as M } from '../provision/roles';

/**
 * Issue 7, R-RET-04/05: destruction below the application. werkpad_medical cannot delete a medical
 * record and werkpad_app cannot pseudonymise the log; each destroys through its own function, which
 * destroys what one item of an approved destruction list covers, and nothing while a legal hold applies (checked again at the
 * moment of destruction, R-RET-03). The medical records go first, through the medical role; the
 * medical foreign keys become RESTRICT so that no delete in public can ever cascade into the medical
 * schema unnoticed.
 */
export class DestroyDossier1763800001050 implements MigrationInterface {
  name = 'DestroyDossier1763800001050';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['medical_record', 'trajectory_id'],
      ['medical_record', 'client_id'],
      ['medical_record_version', 'trajectory_id'],
      ['care_provider_request', 'trajectory_id'],
      ['care_provider_request', 'client_id'],
    ]) {
      const target = column === 'client_id' ? 'public.client' : 'public.trajectory';
      await q.query(`ALTER TABLE ${M}.${table} DROP CONSTRAINT ${table}_${column}_fkey`);
      await q.query(`
        ALTER TABLE ${M}.${table} ADD CONSTRAINT ${table}_${column}_fkey
          FOREIGN KEY (${column}) REFERENCES ${target} (id) ON DELETE RESTRICT`);
    }

    // Every delete a destruction does, and every foreign-key check it triggers, finds its rows by
    // index: without these, each dossier scanned whole tables (a run slowed down as it went).
    await q.query(`CREATE INDEX destruction_item_client_only_idx ON destruction_item (client_id)`);
    await q.query(`CREATE INDEX document_client_idx ON document (client_id)`);
    await q.query(`CREATE INDEX emergency_access_client_idx ON emergency_access (client_id)`);
    await q.query(`CREATE INDEX disclosure_trajectory_idx ON disclosure (trajectory_id)`);
    await q.query(
      `CREATE INDEX functional_capability_trajectory_idx ON functional_capability (trajectory_id)`,
    );
    await q.query(`CREATE INDEX medical_record_client_idx ON ${M}.medical_record (client_id)`);
    await q.query(`CREATE INDEX care_provider_request_client_idx ON ${M}.care_provider_request (client_id)`);
    await q.query(
      `CREATE INDEX medical_record_version_trajectory_idx ON ${M}.medical_record_version (trajectory_id)`,
    );

    // An arbeidsdiagnose's file part (2 years) can go before its medical part (15 years): the
    // trajectory row stays, marked, until the medical records go too.
    await q.query(`ALTER TABLE trajectory ADD COLUMN file_destroyed_at timestamptz NULL`);
    await q.query(`
      CREATE OR REPLACE VIEW retention_schedule AS
        SELECT t.client_id, t.id AS trajectory_id, t.type AS trajectory_type, p.part, t.start_date, t.closed_on,
               (t.closed_on + make_interval(years => p.years))::date AS due_on,
               p.id AS policy_id, p.version AS policy_version, p.years
          FROM trajectory t
          JOIN retention_policy_current p ON p.trajectory_type = t.type
         WHERE NOT (p.part = 'file' AND t.file_destroyed_at IS NOT NULL)`);

    // R-RET-03: a hold on the client, or on a trajectory the item covers (any, for a whole dossier).
    await q.query(`
      CREATE FUNCTION destruction_item_held(item destruction_item) RETURNS boolean
      LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
        SELECT EXISTS (
          SELECT 1 FROM legal_hold h
           WHERE h.client_id = item.client_id AND h.lifted_at IS NULL
             AND (h.until IS NULL OR h.until >= current_date)
             AND (h.trajectory_id IS NULL OR item.scope = 'client' OR h.trajectory_id = ANY (item.trajectory_ids)))
      $$`);

    // The item, locked, if it may be destroyed now; NULL otherwise (not approved, not due).
    await q.query(`
      CREATE FUNCTION destruction_item_executable(target uuid) RETURNS destruction_item
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      DECLARE
        item destruction_item;
      BEGIN
        SELECT i.* INTO item FROM destruction_item i JOIN destruction_list l ON l.id = i.list_id
         WHERE i.id = target AND i.status = 'due' AND l.status IN ('approved', 'running')
         FOR UPDATE OF i;
        RETURN item;
      END $$`);

    // Medical part, on the medical connection: records, their history and care-provider requests of
    // the item's trajectories whose medical part is due. Returns the number of records destroyed.
    await q.query(`
      CREATE FUNCTION ${M}.destroy_records(target uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        item destruction_item;
        medical_trajectories uuid[];
        destroyed integer;
      BEGIN
        item := destruction_item_executable(target);
        IF item.id IS NULL OR destruction_item_held(item) THEN
          RETURN 0;
        END IF;
        SELECT coalesce(array_agg((element.value->>'trajectoryId')::uuid), '{}') INTO medical_trajectories
          FROM jsonb_array_elements(item.parts) AS element(value) WHERE element.value->>'part' = 'medical';
        DELETE FROM ${M}.medical_record_version WHERE trajectory_id = ANY (medical_trajectories);
        DELETE FROM ${M}.care_provider_request WHERE trajectory_id = ANY (medical_trajectories);
        DELETE FROM ${M}.medical_record WHERE trajectory_id = ANY (medical_trajectories);
        GET DIAGNOSTICS destroyed = ROW_COUNT;
        RETURN destroyed;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${M}.destroy_records(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${M}.destroy_records(uuid) TO ${MEDICAL_ROLE}`);

    // Everything else of the item, on the main connection, in the caller's transaction. Returns the
    // counts, or {"held": true} when a hold applies now (the item is then marked held).
    await q.query(`
      CREATE FUNCTION destroy_dossier(target uuid, medical_records integer) RETURNS jsonb
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        item destruction_item;
        file_trajectories uuid[];
        medical_trajectories uuid[];
        whole_trajectories uuid[];
        documents uuid[];
        tally jsonb;
        pseudonymised integer := 0;
      BEGIN
        item := destruction_item_executable(target);
        IF item.id IS NULL THEN
          RAISE EXCEPTION 'destruction item % is not approved and due', target USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF destruction_item_held(item) THEN
          UPDATE destruction_item SET status = 'held' WHERE id = item.id;
          RETURN jsonb_build_object('held', true);
        END IF;
        SELECT coalesce(array_agg((element.value->>'trajectoryId')::uuid) FILTER (WHERE element.value->>'part' = 'file'), '{}'),
               coalesce(array_agg((element.value->>'trajectoryId')::uuid) FILTER (WHERE element.value->>'part' = 'medical'), '{}')
          INTO file_trajectories, medical_trajectories
          FROM jsonb_array_elements(item.parts) AS element(value);
        IF EXISTS (SELECT 1 FROM ${M}.medical_record WHERE trajectory_id = ANY (medical_trajectories))
           OR EXISTS (SELECT 1 FROM ${M}.care_provider_request WHERE trajectory_id = ANY (medical_trajectories)) THEN
          RAISE EXCEPTION 'the medical records of item % must be destroyed first', target;
        END IF;

        IF item.scope = 'client' THEN
          SELECT jsonb_build_object(
            'trajectories', (SELECT count(*) FROM trajectory WHERE client_id = item.client_id),
            'dossierEntries', (SELECT count(*) FROM dossier_entry WHERE client_id = item.client_id),
            'documents', (SELECT count(*) FROM document WHERE client_id = item.client_id),
            'consents', (SELECT count(*) FROM consent WHERE client_id = item.client_id),
            'disclosures', (SELECT count(*) FROM disclosure WHERE client_id = item.client_id),
            'payrollRecords', (SELECT count(*) FROM employment WHERE client_id = item.client_id)
                            + (SELECT count(*) FROM hours_record h JOIN employment e ON e.id = h.employment_id WHERE e.client_id = item.client_id)
                            + (SELECT count(*) FROM absence_episode a JOIN employment e ON e.id = a.employment_id WHERE e.client_id = item.client_id)
                            + (SELECT count(*) FROM loonwaarde_assessment WHERE client_id = item.client_id)
                            + (SELECT count(*) FROM lks_application WHERE client_id = item.client_id),
            'other', (SELECT count(*) FROM field_change WHERE client_id = item.client_id)
                   + (SELECT count(*) FROM diagnosis_outcome WHERE client_id = item.client_id)
                   + (SELECT count(*) FROM functional_capability WHERE client_id = item.client_id)
                   + (SELECT count(*) FROM emergency_access WHERE client_id = item.client_id)
                   + (SELECT count(*) FROM legal_hold WHERE client_id = item.client_id))
            INTO tally;
          -- Every public table refers to the client with ON DELETE CASCADE.
          DELETE FROM client WHERE id = item.client_id;
          pseudonymised := audit_pseudonymise_client(item.id);
        ELSE
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
        END IF;

        tally := tally || jsonb_build_object('medicalRecords', medical_records,
                                             'auditRowsPseudonymised', pseudonymised);
        UPDATE destruction_item
           SET status = 'destroyed', destroyed_at = now(), counts = tally,
               client_id = CASE WHEN item.scope = 'client' THEN NULL ELSE client_id END
         WHERE id = item.id;
        RETURN tally;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION destroy_dossier(uuid, integer) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION destroy_dossier(uuid, integer) TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT (file_destroyed_at) ON trajectory TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'destruction_item_client_only_idx',
      'document_client_idx',
      'emergency_access_client_idx',
      'disclosure_trajectory_idx',
      'functional_capability_trajectory_idx',
      `${M}.medical_record_client_idx`,
      `${M}.care_provider_request_client_idx`,
      `${M}.medical_record_version_trajectory_idx`,
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`DROP FUNCTION destroy_dossier(uuid, integer)`);
    await q.query(`DROP FUNCTION ${M}.destroy_records(uuid)`);
    await q.query(`DROP FUNCTION destruction_item_executable(uuid)`);
    await q.query(`DROP FUNCTION destruction_item_held(destruction_item)`);
    await q.query(`
      CREATE OR REPLACE VIEW retention_schedule AS
        SELECT t.client_id, t.id AS trajectory_id, t.type AS trajectory_type, p.part, t.start_date, t.closed_on,
               (t.closed_on + make_interval(years => p.years))::date AS due_on,
               p.id AS policy_id, p.version AS policy_version, p.years
          FROM trajectory t JOIN retention_policy_current p ON p.trajectory_type = t.type`);
    await q.query(`ALTER TABLE trajectory DROP COLUMN file_destroyed_at`);
  }
}
