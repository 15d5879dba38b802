import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client lists sort the way Dutch staff read them: case- and accent-insensitive at first (Çelik with
 * the C's, "de Vries" with the D's rather than after "Zwart"), through an ICU collation. The
 * database's own collation may be "C" (embedded PostgreSQL is), so the order names it explicitly and
 * the name-order indexes are rebuilt on the collated expressions so they still serve the caseload.
 * Needs a PostgreSQL built with ICU (the embedded one, Debian's and the PGDG packages are).
 */
export class DutchNameOrder1763800000500 implements MigrationInterface {
  name = 'DutchNameOrder1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE COLLATION werkpad_nl (provider = icu, locale = 'nl-NL')`);
    await q.query(
      `DROP INDEX client_coach_idx, client_income_consultant_idx, client_payroll_idx, client_name_order_idx`,
    );
    const name = `(last_name COLLATE werkpad_nl), (first_name COLLATE werkpad_nl), id`;
    await q.query(`CREATE INDEX client_coach_idx ON client (coach_id, ${name})`);
    await q.query(`CREATE INDEX client_income_consultant_idx ON client (income_consultant_id, ${name})`);
    await q.query(`CREATE INDEX client_payroll_idx ON client (${name}) WHERE payroll_scope`);
    await q.query(`CREATE INDEX client_name_order_idx ON client (${name})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP INDEX client_coach_idx, client_income_consultant_idx, client_payroll_idx, client_name_order_idx`,
    );
    await q.query(`CREATE INDEX client_coach_idx ON client (coach_id, last_name, first_name, id)`);
    await q.query(
      `CREATE INDEX client_income_consultant_idx ON client (income_consultant_id, last_name, first_name, id)`,
    );
    await q.query(
      `CREATE INDEX client_payroll_idx ON client (last_name, first_name, id) WHERE payroll_scope`,
    );
    await q.query(`CREATE INDEX client_name_order_idx ON client (last_name, first_name, id)`);
    await q.query(`DROP COLLATION werkpad_nl`);
  }
}
