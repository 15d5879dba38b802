import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 8: progress reports (R-REP-01, R-SHARE-06, R-SHARE-07). A report stores the content it
 * shows (never changed after creation, so it renders the same PDF again), its workflow (draft →
 * reviewed with the client → sent and archived) and, once sent, the PDF's digest and the
 * disclosures it was recorded as. Management exports are rows of report_export.
 */
export class ProgressReports1763800001200 implements MigrationInterface {
  name = 'ProgressReports1763800001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE progress_report_number`);
    await q.query(`
      CREATE TABLE progress_report (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        trajectory_ids uuid[] NOT NULL CHECK (cardinality(trajectory_ids) > 0),
        period_start date NOT NULL,
        period_end date NOT NULL,
        recipient_type text NOT NULL
          CHECK (recipient_type IN ('client', 'income_consultant', 'uwv', 'employer', 'diagnosis_commissioner')),
        recipient_organisation text NOT NULL,
        recipient_person text NULL,
        categories text[] NOT NULL CHECK (NOT ('medical' = ANY (categories))),
        content jsonb NOT NULL,
        content_sha256 bytea NOT NULL,
        origin text NOT NULL CHECK (origin IN ('file', 'management_export')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
        review_status text NOT NULL DEFAULT 'not_shown'
          CHECK (review_status IN ('not_shown', 'shown_before_sending', 'shown_after_sending')),
        shown_to_client_on date NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL,
        sent_by uuid NULL REFERENCES app_user (id),
        sent_at timestamptz NULL,
        channel text NULL,
        pdf_sha256 bytea NULL,
        disclosure_ids uuid[] NOT NULL DEFAULT '{}',
        dossier_entry_id uuid NULL REFERENCES dossier_entry (id) ON DELETE SET NULL,
        CHECK (period_end >= period_start),
        CHECK ((status = 'sent') = (sent_at IS NOT NULL AND pdf_sha256 IS NOT NULL)),
        CHECK ((review_status = 'not_shown') = (shown_to_client_on IS NULL))
      )`);
    await q.query(`CREATE INDEX progress_report_client_idx ON progress_report (client_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX progress_report_trajectories_idx ON progress_report USING gin (trajectory_ids)`,
    );
    await q.query(`CREATE INDEX progress_report_dossier_entry_idx ON progress_report (dossier_entry_id)`);
    await q.query(`GRANT SELECT, INSERT ON progress_report TO ${APP_ROLE}`);
    // The content is never changed: only the workflow columns are.
    await q.query(`
      GRANT UPDATE (status, review_status, shown_to_client_on, sent_by, sent_at, channel, pdf_sha256,
                    disclosure_ids, dossier_entry_id)
      ON progress_report TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE ON SEQUENCE progress_report_number TO ${APP_ROLE}`);

    // A report speaks about its trajectories: when a trajectory's file part is destroyed on its own
    // (an arbeidsdiagnose's file before its medical part) or the trajectory goes, its reports go too.
    // Per statement, so that the destruction of 100,000 dossiers pays it once per batch.
    await q.query(`
      CREATE FUNCTION progress_report_follow_trajectories() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM progress_report r
           WHERE r.trajectory_ids && (SELECT coalesce(array_agg(g.id), '{}') FROM gone g);
        ELSE
          DELETE FROM progress_report r
           WHERE r.trajectory_ids && (SELECT coalesce(array_agg(c.id), '{}') FROM changed c
                                       WHERE c.file_destroyed_at IS NOT NULL);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER progress_report_trajectory_gone AFTER DELETE ON trajectory
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION progress_report_follow_trajectories()`);
    await q.query(`
      CREATE TRIGGER progress_report_trajectory_destroyed AFTER UPDATE ON trajectory
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION progress_report_follow_trajectories()`);

    await q.query(`
      CREATE TABLE report_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        recipient_type text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        client_ids uuid[] NOT NULL CHECK (cardinality(client_ids) > 0),
        done integer NOT NULL DEFAULT 0,
        report_ids uuid[] NOT NULL DEFAULT '{}',
        skipped jsonb NOT NULL DEFAULT '[]',
        CHECK (period_end >= period_start),
        CHECK (done BETWEEN 0 AND cardinality(client_ids))
      )`);
    await q.query(`CREATE INDEX report_export_requested_by_idx ON report_export (requested_by)`);
    await q.query(`GRANT SELECT, INSERT ON report_export TO ${APP_ROLE}`);
    await q.query(`GRANT UPDATE (done, report_ids, skipped) ON report_export TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_export`);
    await q.query(`DROP TRIGGER progress_report_trajectory_destroyed ON trajectory`);
    await q.query(`DROP TRIGGER progress_report_trajectory_gone ON trajectory`);
    await q.query(`DROP FUNCTION progress_report_follow_trajectories()`);
    await q.query(`DROP TABLE progress_report`);
    await q.query(`DROP SEQUENCE progress_report_number`);
  }
}
