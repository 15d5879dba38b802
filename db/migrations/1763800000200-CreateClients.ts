import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Clients with the identity needed for a caseload. The BSN is stored only encrypted
 * (AES-256-GCM) with a keyed blind index (HMAC-SHA-256) for exact lookup, never in plain text.
 */
export class CreateClients1763800000200 implements MigrationInterface {
  name = 'CreateClients1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL,
        last_name text NOT NULL,
        date_of_birth date NOT NULL,
        bsn_encrypted bytea NOT NULL,
        bsn_blind_index bytea NOT NULL,
        street text NOT NULL,
        house_number text NOT NULL,
        postcode text NOT NULL,
        city text NOT NULL,
        coach_id uuid NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX client_bsn_blind_index_key ON client (bsn_blind_index)`);
    await q.query(`CREATE INDEX client_coach_idx ON client (coach_id, last_name)`);
    await q.query(`CREATE INDEX client_last_name_idx ON client (lower(last_name) text_pattern_ops)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON client TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client`);
  }
}
