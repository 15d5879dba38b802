import type { MigrationInterface, QueryRunner } from 'typeorm';

import { MEDICAL_SCHEMA as M } from '../provision/roles';

/** Tables whose rows belong to one trajectory and name its client too, with the delete rule kept. */
const TRAJECTORY_ROWS: ReadonlyArray<{ table: string; onDelete: 'CASCADE' | 'RESTRICT' }> = [
  { table: 'public.dossier_entry', onDelete: 'CASCADE' },
  { table: 'public.disclosure', onDelete: 'CASCADE' },
  { table: 'public.diagnosis_outcome', onDelete: 'CASCADE' },
  { table: `${M}.medical_record`, onDelete: 'RESTRICT' },
  { table: `${M}.care_provider_request`, onDelete: 'RESTRICT' },
];

/**
 * Rows that belong to a trajectory (dossier entries, disclosures, diagnosis outcomes, medical records,
 * care-provider requests) referred to the client and to the trajectory by two foreign keys, and
 * nothing made the two agree: an entry could name client A and a trajectory of client B. One
 * composite key to trajectory (id, client_id) says both at once, and deleting a client now checks
 * these tables once (through its trajectories) instead of twice: five of the 27 foreign-key checks
 * per destroyed dossier go (issue 7: the 100,000-dossier run went from 53.6 to 48.4 s).
 *
 * The scope refresh on trajectory deletes no longer fires for trajectories deleted by the cascade
 * from their client's delete (trigger depth > 0): the client row is gone, so there is nothing to
 * refresh, and each call cost a planned statement per destroyed dossier. A trajectory can only be
 * deleted by a cascade from its client (its other foreign keys point to users and restrict).
 */
export class TrajectoryScopedReferences1763800001290 implements MigrationInterface {
  name = 'TrajectoryScopedReferences1763800001290';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trajectory ADD CONSTRAINT trajectory_id_client_key UNIQUE (id, client_id)`);
    for (const { table, onDelete } of TRAJECTORY_ROWS) {
      const name = table.split('.')[1];
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${name}_client_id_fkey, DROP CONSTRAINT ${name}_trajectory_id_fkey,
           ADD CONSTRAINT ${name}_trajectory_fkey FOREIGN KEY (trajectory_id, client_id)
             REFERENCES public.trajectory (id, client_id) ON DELETE ${onDelete}`,
      );
    }
    await q.query(`DROP TRIGGER trajectory_scope ON trajectory`);
    await q.query(`
      CREATE TRIGGER trajectory_scope AFTER INSERT OR UPDATE ON trajectory
      FOR EACH ROW EXECUTE FUNCTION trajectory_changed()`);
    await q.query(`
      CREATE TRIGGER trajectory_scope_delete AFTER DELETE ON trajectory
      FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION trajectory_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trajectory_scope_delete ON trajectory`);
    await q.query(`DROP TRIGGER trajectory_scope ON trajectory`);
    await q.query(`
      CREATE TRIGGER trajectory_scope AFTER INSERT OR UPDATE OR DELETE ON trajectory
      FOR EACH ROW EXECUTE FUNCTION trajectory_changed()`);
    for (const { table, onDelete } of TRAJECTORY_ROWS) {
      const name = table.split('.')[1];
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${name}_trajectory_fkey,
           ADD CONSTRAINT ${name}_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.client (id) ON DELETE ${onDelete},
           ADD CONSTRAINT ${name}_trajectory_id_fkey FOREIGN KEY (trajectory_id) REFERENCES public.trajectory (id) ON DELETE ${onDelete}`,
      );
    }
    await q.query(`ALTER TABLE trajectory DROP CONSTRAINT trajectory_id_client_key`);
  }
}
