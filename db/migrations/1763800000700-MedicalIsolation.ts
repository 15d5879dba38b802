import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE, MEDICAL_ROLE, MEDICAL_SCHEMA } from '../provision/roles';

const M = MEDICAL_SCHEMA;

/**
 * Issue 5: medical-data isolation below the application (R-MED-01..07).
 *
 * - Medical records live in schema `medical`, on which only MEDICAL_ROLE has rights; the app role
 *   has none (not even USAGE), so a query from any other module fails with "permission denied".
 * - Row-level security limits the rows to arbeidsdiagnose trajectories assigned to the signed-in
 *   expertise user, named per transaction in `werkpad.user_id` by the medical module.
 * - The content columns hold AES-256-GCM ciphertext made with a key of their own (the app encrypts;
 *   the database never sees the plaintext or the key). `key_id` tells which key, for rotation.
 * - What leaves the Expertisecentrum lives in `public`: the outcome/advice (R-MED-02/03) and the
 *   functional capabilities (R-MED-05), neither with a field for a diagnosis.
 */
export class MedicalIsolation1763800000700 implements MigrationInterface {
  name = 'MedicalIsolation1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await this.assignments(q);
    await this.medicalSchema(q);
    await this.rowLevelSecurity(q);
    await this.outcomeAndCapabilities(q);
  }

  /** Which expertise user works on an arbeidsdiagnose trajectory; the client keeps the set in a column. */
  private async assignments(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trajectory
        ADD COLUMN expertise_user_id uuid NULL REFERENCES app_user (id),
        ADD CONSTRAINT trajectory_expertise_only_arbeidsdiagnose
          CHECK (expertise_user_id IS NULL OR type = 'arbeidsdiagnose')`);
    await q.query(
      `CREATE INDEX trajectory_expertise_idx ON trajectory (expertise_user_id) WHERE expertise_user_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE client ADD COLUMN expertise_user_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE OR REPLACE FUNCTION client_refresh_trajectory_scope(target uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE client SET
          open_trajectory_types = COALESCE((SELECT array_agg(DISTINCT t.type ORDER BY t.type) FROM trajectory t
                                            WHERE t.client_id = target AND t.status = 'open'), '{}'),
          payroll_scope = EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = target
                                  AND t.type IN ('beschut_werk','loonkostensubsidie')),
          in_intake = EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = target
                              AND t.type = 'intake' AND t.status = 'open'),
          expertise_user_ids = COALESCE((SELECT array_agg(DISTINCT t.expertise_user_id ORDER BY t.expertise_user_id)
                                         FROM trajectory t WHERE t.client_id = target
                                         AND t.expertise_user_id IS NOT NULL), '{}')
        WHERE id = target
      $$`);
    await q.query(`CREATE INDEX client_expertise_users_idx ON client USING gin (expertise_user_ids)`);
  }

  private async medicalSchema(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA ${M}`);
    await q.query(`REVOKE ALL ON SCHEMA ${M} FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA ${M} TO ${MEDICAL_ROLE}`);
    // Explicit, although the app role never had any: a test asserts the denial.
    await q.query(`REVOKE ALL ON SCHEMA ${M} FROM ${APP_ROLE}`);

    const contentColumns = `
        title_encrypted bytea NOT NULL,
        body_encrypted bytea NOT NULL,
        source_encrypted bytea NULL,
        key_id text NOT NULL`;
    const kinds = `('diagnosis','gp_information','specialist_information','bedrijfsarts_report','research_note','test_result')`;
    await q.query(`
      CREATE TABLE ${M}.medical_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trajectory_id uuid NOT NULL REFERENCES public.trajectory (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES public.client (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ${kinds}),
        recorded_on date NOT NULL,
        ${contentColumns},
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid NOT NULL REFERENCES public.app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL REFERENCES public.app_user (id),
        updated_at timestamptz NULL
      )`);
    await q.query(
      `CREATE INDEX medical_record_trajectory_idx ON ${M}.medical_record (trajectory_id, recorded_on)`,
    );
    // Every earlier version of a record, written before the record changes; never updated.
    await q.query(`
      CREATE TABLE ${M}.medical_record_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES ${M}.medical_record (id) ON DELETE CASCADE,
        trajectory_id uuid NOT NULL REFERENCES public.trajectory (id) ON DELETE CASCADE,
        version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ${kinds}),
        recorded_on date NOT NULL,
        ${contentColumns},
        written_by uuid NOT NULL REFERENCES public.app_user (id),
        written_at timestamptz NOT NULL,
        superseded_by uuid NOT NULL REFERENCES public.app_user (id),
        superseded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (record_id, version)
      )`);
    // R-MED-04: a data request to a GP or other care provider, only after written consent.
    await q.query(`
      CREATE TABLE ${M}.care_provider_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trajectory_id uuid NOT NULL REFERENCES public.trajectory (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES public.client (id) ON DELETE CASCADE,
        provider_kind text NOT NULL CHECK (provider_kind IN ('huisarts','specialist','bedrijfsarts','other')),
        provider_encrypted bytea NOT NULL,
        question_encrypted bytea NOT NULL,
        key_id text NOT NULL,
        consent_id uuid NOT NULL REFERENCES public.consent (id),
        requested_on date NOT NULL,
        requested_by uuid NOT NULL REFERENCES public.app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX care_provider_request_trajectory_idx ON ${M}.care_provider_request (trajectory_id)`,
    );

    // R-MED-04 below the application: the named consent must be a valid written GP consent of this client.
    await q.query(`
      CREATE FUNCTION ${M}.require_gp_consent() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM public.consent c
           WHERE c.id = NEW.consent_id AND c.client_id = NEW.client_id AND c.purpose = 'gp_data_request'
             AND c.form = 'written' AND c.given_on <= NEW.requested_on
             AND (c.valid_until IS NULL OR c.valid_until >= NEW.requested_on)
             AND (c.withdrawn_on IS NULL OR c.withdrawn_on > NEW.requested_on)) THEN
          RAISE EXCEPTION 'R-MED-04: no valid written consent for a care provider request'
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${M}.require_gp_consent() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER care_provider_request_consent BEFORE INSERT ON ${M}.care_provider_request
      FOR EACH ROW EXECUTE FUNCTION ${M}.require_gp_consent()`);

    // The medical role reads only what its row-level security needs from public.
    await q.query(
      `GRANT SELECT (id, client_id, type, status, closed_on, expertise_user_id) ON public.trajectory TO ${MEDICAL_ROLE}`,
    );
    // Display names too: who wrote a medical record is part of the record (not medical itself).
    await q.query(`GRANT SELECT (id, roles, active, display_name) ON public.app_user TO ${MEDICAL_ROLE}`);
    await q.query(`
      GRANT SELECT, INSERT,
            UPDATE (kind, recorded_on, title_encrypted, body_encrypted, source_encrypted, key_id, version,
                    updated_by, updated_at)
      ON ${M}.medical_record TO ${MEDICAL_ROLE}`);
    await q.query(
      `GRANT SELECT, INSERT ON ${M}.medical_record_version, ${M}.care_provider_request TO ${MEDICAL_ROLE}`,
    );
  }

  /**
   * Rows of the signed-in expertise user's own arbeidsdiagnose trajectories; writes only while open.
   * The policies test membership in an uncorrelated subquery, which PostgreSQL evaluates once per
   * statement; a per-row function call measured 15–25 µs per row (docs/benchmarks.md).
   */
  private async rowLevelSecurity(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ${M}.current_expertise_user() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT u.id FROM public.app_user u
         WHERE u.id = NULLIF(current_setting('werkpad.user_id', true), '')::uuid
           AND u.active AND 'expertise' = ANY (u.roles)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${M}.current_expertise_user() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${M}.current_expertise_user() TO ${MEDICAL_ROLE}`);
    const own = (openOnly: boolean) => `
      SELECT t.id, t.client_id FROM public.trajectory t
       WHERE t.type = 'arbeidsdiagnose' AND t.expertise_user_id = ${M}.current_expertise_user()
         ${openOnly ? "AND t.status = 'open'" : ''}`;
    for (const table of ['medical_record', 'medical_record_version', 'care_provider_request']) {
      // A version row names its trajectory only (its record names the client).
      const row = table === 'medical_record_version' ? 'trajectory_id' : '(trajectory_id, client_id)';
      const select = (openOnly: boolean) =>
        table === 'medical_record_version' ? `SELECT o.id FROM (${own(openOnly)}) o` : own(openOnly);
      await q.query(`ALTER TABLE ${M}.${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY own_trajectories_read ON ${M}.${table} FOR SELECT TO ${MEDICAL_ROLE}
        USING (${row} IN (${select(false)}))`);
      await q.query(`
        CREATE POLICY own_open_trajectories_insert ON ${M}.${table} FOR INSERT TO ${MEDICAL_ROLE}
        WITH CHECK (${row} IN (${select(true)}))`);
    }
    await q.query(`
      CREATE POLICY own_open_trajectories_update ON ${M}.medical_record FOR UPDATE TO ${MEDICAL_ROLE}
      USING ((trajectory_id, client_id) IN (${own(true)}))
      WITH CHECK ((trajectory_id, client_id) IN (${own(true)}))`);
  }

  private async outcomeAndCapabilities(q: QueryRunner): Promise<void> {
    // R-MED-02/03: what leaves the Expertisecentrum. Draft until finalised; only then visible outside.
    await q.query(`
      CREATE TABLE diagnosis_outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trajectory_id uuid NOT NULL UNIQUE REFERENCES trajectory (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        conclusion text NOT NULL CHECK (length(btrim(conclusion)) > 0),
        advice text NOT NULL CHECK (length(btrim(advice)) > 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL REFERENCES app_user (id),
        updated_at timestamptz NULL,
        finalized_by uuid NULL REFERENCES app_user (id),
        finalized_at timestamptz NULL,
        sent_to_client_on date NULL,
        CHECK ((status = 'final') = (finalized_by IS NOT NULL AND finalized_at IS NOT NULL)),
        CHECK (sent_to_client_on IS NULL OR status = 'final')
      )`);
    await q.query(`CREATE INDEX diagnosis_outcome_client_idx ON diagnosis_outcome (client_id)`);
    // Only the outcome record is the outcome: no dossier entry may pose as one.
    await q.query(
      `ALTER TABLE dossier_entry ADD CONSTRAINT dossier_entry_not_outcome CHECK (category <> 'diagnosis_outcome')`,
    );
    await q.query(`
      CREATE FUNCTION diagnosis_outcome_checked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM trajectory t WHERE t.id = NEW.trajectory_id
                         AND t.client_id = NEW.client_id AND t.type = 'arbeidsdiagnose') THEN
          RAISE EXCEPTION 'An outcome belongs to an arbeidsdiagnose trajectory of the same client'
            USING ERRCODE = 'check_violation';
        END IF;
        -- A finalised outcome is what was shared; it no longer changes (only its sending date is set).
        IF TG_OP = 'UPDATE' AND OLD.status = 'final' AND (NEW.conclusion IS DISTINCT FROM OLD.conclusion
             OR NEW.advice IS DISTINCT FROM OLD.advice OR NEW.status <> 'final') THEN
          RAISE EXCEPTION 'A finalised outcome cannot be changed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER diagnosis_outcome_check BEFORE INSERT OR UPDATE ON diagnosis_outcome
      FOR EACH ROW EXECUTE FUNCTION diagnosis_outcome_checked()`);

    // R-MED-05: what the client can and cannot do in relation to work. No diagnosis field, by design.
    await q.query(`
      CREATE TABLE functional_capability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        trajectory_id uuid NULL REFERENCES trajectory (id) ON DELETE SET NULL,
        can_do text NOT NULL CHECK (length(btrim(can_do)) > 0),
        cannot_do text NOT NULL CHECK (length(btrim(cannot_do)) > 0),
        hours_per_week numeric(4,1) NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 60),
        adjustments text NULL,
        assessed_on date NOT NULL,
        valid_until date NULL CHECK (valid_until IS NULL OR valid_until >= assessed_on),
        source text NOT NULL CHECK (source IN ('expertisecentrum','bedrijfsarts','arbeidsdeskundige','trajectbegeleider')),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX functional_capability_client_idx ON functional_capability (client_id, assessed_on DESC, recorded_at DESC)`,
    );

    // Functional capabilities may go to an employer only with the client's written consent.
    await q.query(`ALTER TABLE consent DROP CONSTRAINT consent_purpose_check`);
    await q.query(`
      ALTER TABLE consent ADD CONSTRAINT consent_purpose_check CHECK (purpose IN
        ('gp_data_request','whatsapp','sociaal_team','expertise_research','religious_function',
         'health_to_commissioner','cv_profile','functional_to_employer'))`);
    await q.query(`ALTER TABLE consent DROP CONSTRAINT consent_check`);
    await q.query(`
      ALTER TABLE consent ADD CONSTRAINT consent_check CHECK (form = 'written' OR purpose NOT IN
        ('gp_data_request','health_to_commissioner','expertise_research','functional_to_employer'))`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON diagnosis_outcome TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON functional_capability TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE functional_capability`);
    await q.query(`ALTER TABLE dossier_entry DROP CONSTRAINT dossier_entry_not_outcome`);
    await q.query(`DROP TABLE diagnosis_outcome`);
    await q.query(`DROP FUNCTION diagnosis_outcome_checked()`);
    await q.query(`DROP SCHEMA ${M} CASCADE`);
    await q.query(`REVOKE ALL ON public.trajectory, public.app_user FROM ${MEDICAL_ROLE}`);
    await q.query(`
      CREATE OR REPLACE FUNCTION client_refresh_trajectory_scope(target uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE client SET
          open_trajectory_types = COALESCE((SELECT array_agg(DISTINCT t.type ORDER BY t.type) FROM trajectory t
                                            WHERE t.client_id = target AND t.status = 'open'), '{}'),
          payroll_scope = EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = target
                                  AND t.type IN ('beschut_werk','loonkostensubsidie')),
          in_intake = EXISTS (SELECT 1 FROM trajectory t WHERE t.client_id = target
                              AND t.type = 'intake' AND t.status = 'open')
        WHERE id = target
      $$`);
    await q.query(`DROP INDEX client_expertise_users_idx`);
    await q.query(`ALTER TABLE client DROP COLUMN expertise_user_ids`);
    await q.query(`ALTER TABLE trajectory DROP COLUMN expertise_user_id`);
  }
}
