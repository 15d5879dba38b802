import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 4: the consent registry (R-CONS-01..05) and the disclosure register (R-SHARE-01..08).
 * Both are registers: the application may add rows and change only what the law lets change
 * afterwards (a consent's withdrawal, a report's review by the client), through column grants.
 */
export class ConsentsAndDisclosures1763800000600 implements MigrationInterface {
  name = 'ConsentsAndDisclosures1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('gp_data_request','whatsapp','sociaal_team','expertise_research',
                                                 'religious_function','health_to_commissioner','cv_profile')),
        recipient text NULL,
        categories text[] NOT NULL DEFAULT '{}' CHECK (NOT ('medical' = ANY (categories))),
        given_on date NOT NULL,
        form text NOT NULL CHECK (form IN ('written','oral')),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        evidence_document_id uuid NULL REFERENCES document (id),
        evidence_reference text NULL,
        valid_until date NULL CHECK (valid_until IS NULL OR valid_until >= given_on),
        withdrawn_on date NULL CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
        withdrawn_recorded_by uuid NULL REFERENCES app_user (id),
        withdrawn_recorded_at timestamptz NULL,
        -- R-MED-04, R-MED-07: these purposes need written consent.
        CHECK (form = 'written' OR purpose NOT IN ('gp_data_request','health_to_commissioner','expertise_research')),
        CHECK (evidence_document_id IS NOT NULL OR length(btrim(coalesce(evidence_reference, ''))) > 0),
        CHECK ((withdrawn_on IS NULL) = (withdrawn_recorded_by IS NULL))
      )`);
    await q.query(`CREATE INDEX consent_client_idx ON consent (client_id, purpose, given_on)`);

    await q.query(`
      CREATE TABLE disclosure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        trajectory_id uuid NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
        recipient_type text NOT NULL,
        recipient_organisation text NOT NULL,
        recipient_person text NULL,
        recipient_country text NOT NULL CHECK (recipient_country ~ '^[A-Z]{2}$'),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0 AND NOT ('medical' = ANY (categories))),
        fields text[] NOT NULL,
        channel text NOT NULL CHECK (channel IN ('post','email','secure_portal','phone','in_person')),
        purpose text NOT NULL,
        rule_id text NOT NULL,
        rule_version text NOT NULL,
        legal_basis text NULL,
        consent_id uuid NULL REFERENCES consent (id),
        disclosed_by uuid NOT NULL REFERENCES app_user (id),
        disclosed_at timestamptz NOT NULL DEFAULT now(),
        digest bytea NOT NULL,
        package jsonb NOT NULL,
        is_report boolean NOT NULL DEFAULT false,
        review_status text NULL CHECK (review_status IN ('not_shown','shown_before_sending','shown_after_sending')),
        shown_to_client_on date NULL,
        -- R-SHARE-01: a legal basis or a consent, never neither.
        CHECK (legal_basis IS NOT NULL OR consent_id IS NOT NULL),
        CHECK (is_report = (review_status IS NOT NULL)),
        CHECK ((review_status IN ('shown_before_sending','shown_after_sending')) = (shown_to_client_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX disclosure_client_idx ON disclosure (client_id, disclosed_at DESC)`);
    await q.query(
      `CREATE INDEX disclosure_unreviewed_idx ON disclosure (disclosed_at) WHERE review_status = 'not_shown'`,
    );

    await q.query(`GRANT SELECT, INSERT ON consent, disclosure TO ${APP_ROLE}`);
    await q.query(
      `GRANT UPDATE (withdrawn_on, withdrawn_recorded_by, withdrawn_recorded_at) ON consent TO ${APP_ROLE}`,
    );
    await q.query(`GRANT UPDATE (review_status, shown_to_client_on) ON disclosure TO ${APP_ROLE}`);

    // R-CONS-05: a religious function, noted only in consultation with the client (special category).
    await q.query(`ALTER TABLE client ADD COLUMN religious_function text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client DROP COLUMN religious_function`);
    await q.query(`DROP TABLE disclosure, consent`);
  }
}
