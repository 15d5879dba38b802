import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Issue 7 (R-RET-01..06): retention as data, legal holds and the reviewed destruction list.
 *
 * - retention_policy: versioned periods per trajectory type and part ('file', and 'medical' for the
 *   medical records of an arbeidsdiagnose). Rows are never updated or deleted: a change is a new
 *   version with who, why and from when, and the current policy is the highest version.
 * - legal_hold: suspends destruction of a client (trajectory_id NULL) or one trajectory.
 * - destruction_list / destruction_item: what was due on a day, reviewed by a records manager,
 *   approved by a second person (the FG), and executed item by item (one item = one client's
 *   dossier, wholly or the due trajectories only). The items and the certificate hold no personal
 *   data; client_id is cleared once the item is destroyed.
 */
export class Retention1763800001000 implements MigrationInterface {
  name = 'Retention1763800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE retention_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trajectory_type text NOT NULL CHECK (trajectory_type IN
          ('intake','inburgering','beschut_werk','loonkostensubsidie','jobcoaching','bemiddeling','arbeidsdiagnose')),
        part text NOT NULL CHECK (part IN ('file','medical')),
        version integer NOT NULL CHECK (version >= 1),
        years integer NOT NULL CHECK (years BETWEEN 1 AND 100),
        legal_ground text NOT NULL CHECK (length(btrim(legal_ground)) > 0),
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        effective_from timestamptz NOT NULL DEFAULT now(),
        changed_by uuid NULL REFERENCES app_user (id),
        change_reason text NOT NULL CHECK (length(btrim(change_reason)) >= 10),
        UNIQUE (trajectory_type, part, version),
        CHECK (part = 'file' OR trajectory_type = 'arbeidsdiagnose')
      )`);
    // The values of RULES.md §2 as the first version; changed_by NULL marks the initial load.
    await q.query(`
      INSERT INTO retention_policy (trajectory_type, part, version, years, legal_ground, source, change_reason)
      VALUES
        ('intake', 'file', 1, 10, 'Participatiewet', 'RULES.md §2; bron 002 "intake gesprek"', 'Eerste vaststelling (RULES.md §2)'),
        ('inburgering', 'file', 1, 5, 'Wet inburgering', 'RULES.md §2; bron 002 "statushouder"', 'Eerste vaststelling (RULES.md §2)'),
        ('beschut_werk', 'file', 1, 10, 'WSW, Participatiewet, Wet Poortwachter, Arbowet, fiscale wetgeving', 'RULES.md §2; bron 002 "plekje gevonden"', 'Eerste vaststelling (RULES.md §2)'),
        ('loonkostensubsidie', 'file', 1, 10, 'Participatiewet', 'RULES.md §2; bron 002 "loonkostensubsidie"', 'Eerste vaststelling (RULES.md §2)'),
        ('jobcoaching', 'file', 1, 10, 'Participatiewet', 'RULES.md §2; bron 002 "jobcoach"', 'Eerste vaststelling (RULES.md §2)'),
        ('bemiddeling', 'file', 1, 10, 'Participatiewet', 'RULES.md §2; bron 002 "bemiddeling"', 'Eerste vaststelling (RULES.md §2)'),
        ('arbeidsdiagnose', 'file', 1, 2, 'Participatiewet, WSW, WIA (met instemming van de cliënt)', 'RULES.md §2; bron 002 "Expertisecentrum"', 'Eerste vaststelling (RULES.md §2)'),
        ('arbeidsdiagnose', 'medical', 1, 15, 'WGBO-termijn voor medische gegevens van de arbeidsdiagnose', 'RULES.md §2; bron 002 "Expertisecentrum"', 'Eerste vaststelling (RULES.md §2)')`);
    await q.query(`
      CREATE VIEW retention_policy_current AS
        SELECT DISTINCT ON (trajectory_type, part) *
          FROM retention_policy ORDER BY trajectory_type, part, version DESC`);
    // Per trajectory and part, the date its data is due (R-RET-01): closed_on + the current years
    // (calendar arithmetic: 29 Feb + 1 year = 28 Feb). Open trajectories have no date.
    await q.query(`
      CREATE VIEW retention_schedule AS
        SELECT t.client_id, t.id AS trajectory_id, t.type AS trajectory_type, p.part, t.start_date, t.closed_on,
               (t.closed_on + make_interval(years => p.years))::date AS due_on,
               p.id AS policy_id, p.version AS policy_version, p.years
          FROM trajectory t
          JOIN retention_policy_current p ON p.trajectory_type = t.type`);

    await q.query(`
      CREATE TABLE legal_hold (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        trajectory_id uuid NULL REFERENCES trajectory (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(btrim(reason)) >= 10),
        until date NULL,
        set_by uuid NOT NULL REFERENCES app_user (id),
        set_at timestamptz NOT NULL DEFAULT now(),
        lifted_by uuid NULL REFERENCES app_user (id),
        lifted_at timestamptz NULL,
        lift_reason text NULL,
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL)),
        CHECK (lifted_at IS NULL OR length(btrim(coalesce(lift_reason, ''))) >= 10)
      )`);
    await q.query(`CREATE INDEX legal_hold_client_idx ON legal_hold (client_id) WHERE lifted_at IS NULL`);
    // Active: not lifted and not past its end date. A hold on a trajectory also keeps the client.
    await q.query(`
      CREATE FUNCTION legal_hold_active(target_client uuid, on_day date) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM legal_hold h WHERE h.client_id = target_client
                         AND h.lifted_at IS NULL AND (h.until IS NULL OR h.until >= on_day))
      $$`);

    await q.query(`
      CREATE TABLE destruction_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        as_of date NOT NULL,
        prepared_at timestamptz NOT NULL DEFAULT now(),
        prepared_by uuid NULL REFERENCES app_user (id),
        status text NOT NULL DEFAULT 'prepared'
          CHECK (status IN ('prepared','reviewed','approved','running','completed','cancelled')),
        reviewed_by uuid NULL REFERENCES app_user (id),
        reviewed_at timestamptz NULL,
        approved_by uuid NULL REFERENCES app_user (id),
        approved_at timestamptz NULL,
        started_at timestamptz NULL,
        completed_at timestamptz NULL,
        certificate jsonb NULL,
        certificate_sha256 bytea NULL,
        CHECK (approved_by IS NULL OR (reviewed_by IS NOT NULL AND approved_by <> reviewed_by)),
        CHECK (status NOT IN ('approved','running','completed') OR approved_by IS NOT NULL)
      )`);
    // One list in progress at a time: a dossier can never be on two lists that both get executed.
    await q.query(`
      CREATE UNIQUE INDEX destruction_list_one_open_idx ON destruction_list ((true))
        WHERE status IN ('prepared','reviewed','approved','running')`);
    await q.query(`
      CREATE TABLE destruction_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES destruction_list (id),
        client_id uuid NULL,
        dossier_ref text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('client','trajectories')),
        trajectory_ids uuid[] NOT NULL,
        parts jsonb NOT NULL,
        status text NOT NULL DEFAULT 'due' CHECK (status IN ('due','excluded','held','destroyed')),
        excluded_reason text NULL,
        excluded_by uuid NULL REFERENCES app_user (id),
        excluded_at timestamptz NULL,
        destroyed_at timestamptz NULL,
        counts jsonb NULL,
        CHECK (status <> 'excluded' OR length(btrim(coalesce(excluded_reason, ''))) >= 10),
        CHECK ((status = 'destroyed') = (destroyed_at IS NOT NULL)),
        CHECK (status <> 'destroyed' OR client_id IS NULL OR scope = 'trajectories')
      )`);
    await q.query(`CREATE INDEX destruction_item_list_idx ON destruction_item (list_id, status)`);
    await q.query(`CREATE UNIQUE INDEX destruction_item_client_idx ON destruction_item (list_id, client_id)`);

    await q.query(`GRANT SELECT, INSERT ON retention_policy TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT ON retention_policy_current, retention_schedule TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON legal_hold TO ${APP_ROLE}`);
    await q.query(`GRANT UPDATE (lifted_by, lifted_at, lift_reason) ON legal_hold TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON destruction_list, destruction_item TO ${APP_ROLE}`);
    await q.query(`
      GRANT UPDATE (status, reviewed_by, reviewed_at, approved_by, approved_at, started_at, completed_at,
                    certificate, certificate_sha256) ON destruction_list TO ${APP_ROLE}`);
    await q.query(`
      GRANT UPDATE (status, excluded_reason, excluded_by, excluded_at) ON destruction_item TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE destruction_item`);
    await q.query(`DROP TABLE destruction_list`);
    await q.query(`DROP FUNCTION legal_hold_active(uuid, date)`);
    await q.query(`DROP TABLE legal_hold`);
    await q.query(`DROP VIEW retention_schedule`);
    await q.query(`DROP VIEW retention_policy_current`);
    await q.query(`DROP TABLE retention_policy`);
  }
}
