import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 6: the FG's workplace (R-AUD-01..05). Indexes for searching tens of millions of log rows,
 * reviews of unusual-access findings, emergency access grants, the breach register and the second
 * factor of log readers. Checkpoints of the audit chain are kept outside the database on purpose.
 */
export class FgWorkplace1763800000800 implements MigrationInterface {
  name = 'FgWorkplace1763800000800';

  async up(q: QueryRunner): Promise<void> {
    // Search: newest first within a filter. Client and user already have indexes (migration 100).
    await q.query(`CREATE INDEX audit_event_categories_idx ON audit_event USING gin (categories)`);
    await q.query(
      `CREATE INDEX audit_event_not_allowed_idx ON audit_event (result, occurred_at) WHERE result <> 'allowed'`,
    );
    await q.query(`CREATE INDEX audit_event_ground_kind_idx ON audit_event ((ground->>'kind'), occurred_at)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at)`);

    // A finding is computed from the log; its review is stored under the finding's stable key.
    await q.query(`
      CREATE TABLE audit_finding_review (
        finding_key text PRIMARY KEY CHECK (length(finding_key) BETWEEN 3 AND 200),
        kind text NOT NULL CHECK (kind IN ('outside_scope','denied','many_clients','off_hours','emergency')),
        reviewed_by uuid NOT NULL REFERENCES app_user (id),
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        note text NOT NULL CHECK (length(btrim(note)) > 0)
      )`);

    // Break-the-glass: time-limited access to one client outside the user's scope (never medical).
    await q.query(`
      CREATE TABLE emergency_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN
          ('danger_to_client_or_others','urgent_benefit_decision','coach_unreachable','crisis_contact')),
        explanation text NOT NULL CHECK (length(btrim(explanation)) >= 20),
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz NULL,
        CHECK (expires_at > started_at AND expires_at <= started_at + interval '4 hours'),
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await q.query(`CREATE INDEX emergency_access_user_idx ON emergency_access (user_id, expires_at)`);

    // R-AUD-05: the breach register.
    await q.query(`
      CREATE TABLE data_breach (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        discovered_at timestamptz NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        people_affected integer NOT NULL CHECK (people_affected >= 0),
        measures text NOT NULL,
        reported_to_ap_at timestamptz NULL,
        ap_reference text NULL,
        not_reported_reason text NULL,
        subjects_informed_at timestamptz NULL,
        subjects_not_informed_reason text NULL,
        registered_by uuid NOT NULL REFERENCES app_user (id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        CHECK (reported_to_ap_at IS NULL OR not_reported_reason IS NULL),
        CHECK (reported_to_ap_at IS NULL OR reported_to_ap_at >= discovered_at),
        CHECK (subjects_informed_at IS NULL OR subjects_not_informed_reason IS NULL)
      )`);
    await q.query(`CREATE INDEX data_breach_discovered_idx ON data_breach (discovered_at DESC)`);

    // The second factor of log readers (TOTP); the secret is encrypted by the application.
    await q.query(`
      CREATE TABLE user_mfa (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        secret_encrypted bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz NULL,
        last_used_step bigint NULL
      )`);

    await q.query(`GRANT SELECT, INSERT ON audit_finding_review TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON emergency_access TO ${APP_ROLE}`);
    await q.query(`GRANT UPDATE (ended_at) ON emergency_access TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON data_breach TO ${APP_ROLE}`);
    await q.query(`
      GRANT UPDATE (measures, reported_to_ap_at, ap_reference, not_reported_reason, subjects_informed_at,
                    subjects_not_informed_reason)
      ON data_breach TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON user_mfa TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_mfa`);
    await q.query(`DROP TABLE data_breach`);
    await q.query(`DROP TABLE emergency_access`);
    await q.query(`DROP TABLE audit_finding_review`);
    await q.query(`DROP INDEX audit_event_action_idx`);
    await q.query(`DROP INDEX audit_event_ground_kind_idx`);
    await q.query(`DROP INDEX audit_event_not_allowed_idx`);
    await q.query(`DROP INDEX audit_event_categories_idx`);
  }
}
