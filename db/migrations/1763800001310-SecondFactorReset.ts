import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * A lost second factor (phone lost or replaced) is reset by functioneel beheer, never by the user
 * and never on one's own account. The register keeps who reset whose factor, when and why; the
 * user is shown the latest reset when setting up the new factor, so a reset they did not ask for
 * is noticed (docs/mfa.md). Append-only for the application.
 */
export class SecondFactorReset1763800001310 implements MigrationInterface {
  name = 'SecondFactorReset1763800001310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_mfa_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        reset_by uuid NOT NULL REFERENCES app_user (id),
        reset_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 500),
        CHECK (user_id <> reset_by)
      )`);
    await q.query(`CREATE INDEX user_mfa_reset_user_idx ON user_mfa_reset (user_id, reset_at DESC)`);
    await q.query(`GRANT SELECT, INSERT ON user_mfa_reset TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_mfa_reset`);
  }
}
