import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress reports follow their trajectories' destruction without a trigger on trajectory: the
 * statement triggers of migration 1200 fired once per destroyed client (a cascaded delete is one
 * statement per row) and cost a third of a 100,000-dossier run. A whole client's reports go with
 * the client (foreign key); a trajectory's file part destroyed on its own takes its reports here.
 */
export class ReportsFollowDestruction1763800001280 implements MigrationInterface {
  name = 'ReportsFollowDestruction1763800001280';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER progress_report_trajectory_destroyed ON trajectory`);
    await q.query(`DROP TRIGGER progress_report_trajectory_gone ON trajectory`);
    await q.query(`DROP FUNCTION progress_report_follow_trajectories()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION destroy_trajectory_parts(item destruction_item) RETURNS jsonb
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
        -- Progress reports speak about these trajectories: they go with the file part.
        DELETE FROM progress_report WHERE trajectory_ids && file_trajectories;
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

    // The transition tables have no statistics: the planner paired old and new rows by a nested
    // loop, quadratic in the batch (13 s of a 100,000-dossier run). A hash join pairs them by seq.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_pseudonymised_only() RETURNS trigger LANGUAGE plpgsql
      SET enable_nestloop = off AS $$
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
  }

  async down(): Promise<void> {
    throw new Error(
      'ReportsFollowDestruction1763800001280 cannot be reverted; restore from a backup instead',
    );
  }
}
