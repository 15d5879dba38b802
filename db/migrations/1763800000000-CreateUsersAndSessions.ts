import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Users of Werkpad (staff, never clients) and their refresh-token sessions. Usernames are stored
 * lower-case so the unique index is case-insensitive without an extension.
 */
export class CreateUsersAndSessions1763800000000 implements MigrationInterface {
  name = 'CreateUsersAndSessions1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username = lower(username)),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        active boolean NOT NULL DEFAULT true,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (username)`);
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        refresh_token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_refreshed_at timestamptz NULL,
        revoked_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON app_user, user_session TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
  }
}
