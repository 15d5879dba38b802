import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 9: the register of data-subject requests (R-DSR-01..05). Identity verification stores that
 * a document was seen, its type and at most the last four characters of its number, by whom and
 * when: never an image (R-DSR-02; there is no column that could hold one). The legal clock is kept
 * in the row (due_on, extended_due_on) and checked again by the database.
 */
export class DataSubjectRequests1763800001250 implements MigrationInterface {
  name = 'DataSubjectRequests1763800001250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE dsr_request_number`);
    await q.query(`
      CREATE TABLE dsr_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        type text NOT NULL
          CHECK (type IN ('access', 'erasure', 'rectification', 'objection', 'portability', 'withdrawal')),
        channel text NOT NULL CHECK (channel IN ('letter', 'email', 'desk', 'phone')),
        received_on date NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        due_on date NOT NULL,
        extended_due_on date NULL,
        extension_reason text NULL,
        extended_on date NULL,
        extended_by uuid NULL REFERENCES app_user (id),
        id_document_type text NULL
          CHECK (id_document_type IN ('passport', 'identity_card', 'driving_licence', 'residence_permit')),
        id_document_number_end text NULL CHECK (id_document_number_end ~ '^[A-Z0-9]{1,4}$'),
        id_seen_on date NULL,
        id_verified_by uuid NULL REFERENCES app_user (id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
        outcome text NULL CHECK (outcome IN ('granted', 'partly_granted', 'refused')),
        outcome_ground text NULL,
        completed_on date NULL,
        completed_by uuid NULL REFERENCES app_user (id),
        registered_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((id_document_type IS NULL) = (id_seen_on IS NULL) AND (id_seen_on IS NULL) = (id_verified_by IS NULL)),
        CHECK (extended_due_on IS NULL OR (extended_due_on > due_on AND extended_due_on <= received_on + interval '3 months'
                                          AND extension_reason IS NOT NULL AND extended_on <= due_on)),
        -- R-DSR-02 and R-DSR-05: no outcome without a verified identity; a refusal names its ground.
        CHECK ((status = 'completed') = (outcome IS NOT NULL AND completed_on IS NOT NULL AND completed_by IS NOT NULL)),
        CHECK (status = 'open' OR id_seen_on IS NOT NULL),
        CHECK (outcome IS NULL OR outcome = 'granted' OR length(btrim(coalesce(outcome_ground, ''))) > 0)
      )`);
    await q.query(`CREATE INDEX dsr_request_open_idx ON dsr_request (due_on) WHERE status = 'open'`);
    await q.query(`CREATE INDEX dsr_request_client_idx ON dsr_request (client_id)`);
    await q.query(`GRANT SELECT, INSERT ON dsr_request TO ${APP_ROLE}`);
    await q.query(`
      GRANT UPDATE (extended_due_on, extension_reason, extended_on, extended_by, id_document_type,
                    id_document_number_end, id_seen_on, id_verified_by, status, outcome, outcome_ground,
                    completed_on, completed_by)
      ON dsr_request TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE ON SEQUENCE dsr_request_number TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dsr_request`);
    await q.query(`DROP SEQUENCE dsr_request_number`);
  }
}
