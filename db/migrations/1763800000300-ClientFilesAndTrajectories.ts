import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * The client file (issue 3): the rest of the client's fields, trajectories with their reporting
 * agreement (R-SHARE-07), the dossier (R-REP-02) with documents, and the field-change history.
 *
 * Visibility for roles that depend on trajectories (payroll: beschut werk / loonkostensubsidie;
 * income consultant: extra data during intake) is kept in columns of `client` maintained by a
 * trigger, so every rule compares a record's own columns and can be enforced in SQL as well as
 * in memory (see backend/src/authz/sql-scope.ts and docs/decisions.md).
 */
export class ClientFilesAndTrajectories1763800000300 implements MigrationInterface {
  name = 'ClientFilesAndTrajectories1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Search criteria and similar non-personal particulars of an access (hashed when present).
    await q.query(`ALTER TABLE audit_event ADD COLUMN details jsonb NULL`);
    // Accent-insensitive search without the unaccent extension (whose function is not IMMUTABLE).
    await q.query(`
      CREATE FUNCTION werkpad_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(translate(value,
          'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÑñÇçŠšŽžĞğŞşİı',
          'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyNnCcSsZzGgSsIi'))
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION werkpad_fold(text) TO ${APP_ROLE}`);

    await q.query(`
      ALTER TABLE client
        ADD COLUMN nationality text NULL,
        ADD COLUMN phone text NULL,
        ADD COLUMN email text NULL,
        ADD COLUMN dutch_language_level text NULL
          CHECK (dutch_language_level IN ('A0','A1','A2','B1','B2','C1','C2')),
        ADD COLUMN inburgering_status text NULL
          CHECK (inburgering_status IN ('niet_plichtig','plichtig','in_traject','afgerond','vrijgesteld')),
        ADD COLUMN driving_licence boolean NULL,
        ADD COLUMN transport text NULL,
        ADD COLUMN availability_hours_per_week integer NULL
          CHECK (availability_hours_per_week BETWEEN 0 AND 60),
        ADD COLUMN availability_notes text NULL,
        ADD COLUMN cv_link text NULL,
        ADD COLUMN education_level text NULL,
        ADD COLUMN has_debts boolean NULL,
        ADD COLUMN debt_notes text NULL,
        ADD COLUMN life_domains_notes text NULL,
        ADD COLUMN functional_limitations text NULL,
        ADD COLUMN iban_encrypted bytea NULL,
        ADD COLUMN income_consultant_id uuid NULL REFERENCES app_user (id),
        ADD COLUMN open_trajectory_types text[] NOT NULL DEFAULT '{}',
        ADD COLUMN payroll_scope boolean NOT NULL DEFAULT false,
        ADD COLUMN in_intake boolean NOT NULL DEFAULT false,
        ADD COLUMN search_name text GENERATED ALWAYS AS (werkpad_fold(first_name || ' ' || last_name)) STORED`);
    await q.query(`DROP INDEX client_coach_idx`);
    await q.query(`CREATE INDEX client_coach_idx ON client (coach_id, last_name, first_name, id)`);
    await q.query(
      `CREATE INDEX client_income_consultant_idx ON client (income_consultant_id, last_name, first_name, id)`,
    );
    await q.query(
      `CREATE INDEX client_payroll_idx ON client (last_name, first_name, id) WHERE payroll_scope`,
    );
    await q.query(`CREATE INDEX client_name_order_idx ON client (last_name, first_name, id)`);
    await q.query(`CREATE INDEX client_search_name_trgm_idx ON client USING gin (search_name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE trajectory (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN
          ('intake','inburgering','beschut_werk','loonkostensubsidie','jobcoaching','bemiddeling','arbeidsdiagnose')),
        legal_basis text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        start_date date NOT NULL,
        closed_on date NULL,
        coach_id uuid NULL REFERENCES app_user (id),
        income_consultant_id uuid NULL REFERENCES app_user (id),
        reporting_recipient text NOT NULL,
        reporting_categories text[] NOT NULL,
        reporting_form text NOT NULL CHECK (reporting_form IN ('written','oral')),
        reporting_purpose text NOT NULL,
        reporting_frequency text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
        CHECK (closed_on IS NULL OR closed_on >= start_date),
        CHECK (NOT ('medical' = ANY (reporting_categories)))
      )`);
    await q.query(`CREATE INDEX trajectory_client_idx ON trajectory (client_id, start_date)`);
    await q.query(`CREATE INDEX trajectory_type_status_idx ON trajectory (type, status, client_id)`);

    // Keeps the client's trajectory-derived scope columns true in the database itself.
    await q.query(`
      CREATE FUNCTION client_refresh_trajectory_scope(target uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE client SET
          open_trajectory_types = COALESCE((SELECT array_agg(DISTINCT t.type ORDER BY t.type) FROM trajectory t
                                            WHERE t.client_id = target AND t.status = 'open'), '{}'),
          payroll_scope = EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = target
                                  AND t.type IN ('beschut_werk','loonkostensubsidie')),
          in_intake = EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = target
                              AND t.type = 'intake' AND t.status = 'open')
        WHERE id = target
      $$`);
    await q.query(`
      CREATE FUNCTION trajectory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE','DELETE') THEN PERFORM client_refresh_trajectory_scope(OLD.client_id); END IF;
        IF TG_OP IN ('INSERT','UPDATE') THEN PERFORM client_refresh_trajectory_scope(NEW.client_id); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trajectory_scope AFTER INSERT OR UPDATE OR DELETE ON trajectory
      FOR EACH ROW EXECUTE FUNCTION trajectory_changed()`);

    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 bytea NOT NULL,
        received_via_whatsapp boolean NOT NULL DEFAULT false,
        whatsapp_deleted_on date NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (received_via_whatsapp OR whatsapp_deleted_on IS NULL)
      )`);
    // Content apart from its metadata, so listing a dossier never drags file bytes along.
    await q.query(`
      CREATE TABLE document_content (
        document_id uuid PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);

    await q.query(`
      CREATE TABLE dossier_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        trajectory_id uuid NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('note','correspondence','progress','instrument','decision','document')),
        category text NOT NULL CHECK (category <> 'medical'),
        title text NOT NULL,
        body text NULL,
        occurred_on date NOT NULL,
        author_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by text NULL,
        correspondence_direction text NULL CHECK (correspondence_direction IN ('incoming','outgoing')),
        counterparty text NULL,
        document_id uuid NULL UNIQUE REFERENCES document (id) ON DELETE CASCADE,
        -- R-HUM-01: a decision without the human who took it cannot be stored.
        CHECK (kind <> 'decision' OR length(btrim(coalesce(decided_by, ''))) > 0),
        CHECK ((kind = 'document') = (document_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX dossier_entry_client_idx ON dossier_entry (client_id, occurred_on DESC, created_at DESC)`,
    );
    await q.query(`CREATE INDEX dossier_entry_trajectory_idx ON dossier_entry (trajectory_id)`);

    await q.query(`
      CREATE TABLE field_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        field text NOT NULL,
        category text NOT NULL,
        old_value text NULL,
        new_value text NULL,
        changed_by uuid NOT NULL REFERENCES app_user (id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        request_id text NULL
      )`);
    await q.query(`CREATE INDEX field_change_client_idx ON field_change (client_id, changed_at DESC)`);

    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON trajectory, dossier_entry, document TO ${APP_ROLE}`,
    );
    // Stored content and history are never rewritten by the application, only added (and destroyed).
    await q.query(`GRANT SELECT, INSERT, DELETE ON document_content, field_change TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE field_change, dossier_entry, document_content, document`);
    await q.query(`DROP TRIGGER trajectory_scope ON trajectory`);
    await q.query(`DROP TABLE trajectory`);
    await q.query(`DROP FUNCTION trajectory_changed(), client_refresh_trajectory_scope(uuid)`);
    await q.query(`DROP INDEX client_search_name_trgm_idx, client_name_order_idx, client_payroll_idx,
      client_income_consultant_idx, client_coach_idx`);
    await q.query(`
      ALTER TABLE client
        DROP COLUMN search_name, DROP COLUMN in_intake, DROP COLUMN payroll_scope,
        DROP COLUMN open_trajectory_types, DROP COLUMN income_consultant_id, DROP COLUMN iban_encrypted,
        DROP COLUMN functional_limitations, DROP COLUMN life_domains_notes, DROP COLUMN debt_notes,
        DROP COLUMN has_debts, DROP COLUMN education_level, DROP COLUMN cv_link,
        DROP COLUMN availability_notes, DROP COLUMN availability_hours_per_week, DROP COLUMN transport,
        DROP COLUMN driving_licence, DROP COLUMN inburgering_status, DROP COLUMN dutch_language_level,
        DROP COLUMN email, DROP COLUMN phone, DROP COLUMN nationality`);
    await q.query(`CREATE INDEX client_coach_idx ON client (coach_id, last_name)`);
    await q.query(`DROP FUNCTION werkpad_fold(text)`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN details`);
  }
}
