import type { MigrationInterface, QueryRunner } from 'typeorm';

import { APP_ROLE } from '../provision/roles';

/**
 * Payroll data (category `payroll`) of clients employed under WSW / beschut werk or placed with
 * loonkostensubsidie. Absence is recorded as dates only: a reason would be medical (R-MED-01).
 */
export class CreatePayroll1763800000400 implements MigrationInterface {
  name = 'CreatePayroll1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        employer_name text NOT NULL,
        is_inlener boolean NOT NULL DEFAULT false,
        job_title text NOT NULL,
        start_date date NOT NULL,
        end_date date NULL CHECK (end_date IS NULL OR end_date >= start_date),
        contract_hours_per_week numeric(4,1) NOT NULL CHECK (contract_hours_per_week > 0 AND contract_hours_per_week <= 40),
        gross_monthly_salary_cents integer NOT NULL CHECK (gross_monthly_salary_cents >= 0),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX employment_client_idx ON employment (client_id, start_date)`);
    await q.query(`
      CREATE TABLE hours_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employment_id uuid NOT NULL REFERENCES employment (id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        hours_worked numeric(5,1) NOT NULL CHECK (hours_worked >= 0 AND hours_worked <= 300),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (employment_id, month)
      )`);
    await q.query(`
      CREATE TABLE absence_episode (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employment_id uuid NOT NULL REFERENCES employment (id) ON DELETE CASCADE,
        first_day date NOT NULL,
        last_day date NULL CHECK (last_day IS NULL OR last_day >= first_day),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE loonwaarde_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        assessed_on date NOT NULL,
        percentage integer NOT NULL CHECK (percentage BETWEEN 0 AND 100),
        method text NOT NULL,
        assessed_by text NOT NULL CHECK (length(btrim(assessed_by)) > 0),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE lks_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        applied_on date NOT NULL,
        period_start date NOT NULL,
        period_end date NULL CHECK (period_end IS NULL OR period_end >= period_start),
        status text NOT NULL CHECK (status IN ('aangevraagd','toegekend','afgewezen')),
        amount_cents integer NULL CHECK (amount_cents IS NULL OR amount_cents >= 0),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX hours_record_employment_idx ON hours_record (employment_id, month)`);
    await q.query(
      `CREATE INDEX absence_episode_employment_idx ON absence_episode (employment_id, first_day)`,
    );
    await q.query(`CREATE INDEX loonwaarde_client_idx ON loonwaarde_assessment (client_id, assessed_on)`);
    await q.query(`CREATE INDEX lks_application_client_idx ON lks_application (client_id, applied_on)`);
    await q.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE
        ON employment, hours_record, absence_episode, loonwaarde_assessment, lks_application TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE lks_application, loonwaarde_assessment, absence_episode, hours_record, employment`,
    );
  }
}
