import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9: an objection names the processing objected to, and is decided by a person with reasons
 * (R-HUM-01): a ground is required for every outcome of an objection, also when it is granted.
 */
export class DsrObjection1763800001270 implements MigrationInterface {
  name = 'DsrObjection1763800001270';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dsr_request ADD COLUMN processing_objected_to text NULL`);
    await q.query(`
      ALTER TABLE dsr_request
        ADD CONSTRAINT dsr_request_objection_names_processing
          CHECK (type <> 'objection' OR length(btrim(coalesce(processing_objected_to, ''))) > 0) NOT VALID,
        ADD CONSTRAINT dsr_request_objection_reasons
          CHECK (type <> 'objection' OR outcome IS NULL OR length(btrim(coalesce(outcome_ground, ''))) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dsr_request DROP CONSTRAINT dsr_request_objection_reasons`);
    await q.query(`ALTER TABLE dsr_request DROP CONSTRAINT dsr_request_objection_names_processing`);
    await q.query(`ALTER TABLE dsr_request DROP COLUMN processing_objected_to`);
  }
}
