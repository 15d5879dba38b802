import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a request keeps of its free text once the client's dossier is destroyed. */
const DESTROYED_TEXT = 'Verwijderd bij de vernietiging van het dossier.';

/**
 * Issue 9, item 5 (ADR 0011): erasure on request goes through the reviewed destruction of issue 7.
 *
 * - A destruction list can belong to an erasure request (`dsr_request_id`): it holds only that
 *   client's items that may go now (R-RET-06). The rule of one list in progress at a time now
 *   applies to the periodic lists; a request has at most one erasure list in progress, and the
 *   application never puts a client on two open lists (both are prepared under one advisory lock).
 * - The request register outlives the client (accountability, AVG art. 5 lid 2): when the client
 *   row is destroyed, the request keeps its reference, type, dates, identity check (without the
 *   document's characters) and outcome; the client becomes the pseudonymous dossier reference of
 *   the destruction item (the one the certificate names) and the free text is removed.
 */
export class ErasureOnRequest1763800001300 implements MigrationInterface {
  name = 'ErasureOnRequest1763800001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE destruction_list ADD COLUMN dsr_request_id uuid NULL REFERENCES dsr_request (id)`,
    );
    await q.query(`DROP INDEX destruction_list_one_open_idx`);
    await q.query(`
      CREATE UNIQUE INDEX destruction_list_one_open_idx ON destruction_list ((true))
        WHERE status IN ('prepared','reviewed','approved','running') AND dsr_request_id IS NULL`);
    await q.query(`
      CREATE UNIQUE INDEX destruction_list_one_open_erasure_idx ON destruction_list (dsr_request_id)
        WHERE status IN ('prepared','reviewed','approved','running')`);

    await q.query(`ALTER TABLE dsr_request ADD COLUMN dossier_ref text NULL`);
    await q.query(`ALTER TABLE dsr_request ALTER COLUMN client_id DROP NOT NULL`);
    await q.query(`ALTER TABLE dsr_request DROP CONSTRAINT dsr_request_client_id_fkey`);
    await q.query(`
      ALTER TABLE dsr_request ADD CONSTRAINT dsr_request_client_id_fkey
        FOREIGN KEY (client_id) REFERENCES client (id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE dsr_request ADD CONSTRAINT dsr_request_client_or_ref
        CHECK (client_id IS NOT NULL OR dossier_ref IS NOT NULL)`);
    // Runs inside the client's delete (the foreign key's SET NULL): the item being destroyed still
    // names the client at that moment, and gives the reference.
    await q.query(`
      CREATE FUNCTION dsr_request_client_destroyed() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        NEW.dossier_ref := (SELECT left(i.dossier_ref, 16) FROM destruction_item i
                             WHERE i.client_id = OLD.client_id AND i.status = 'due' AND i.scope = 'client'
                             LIMIT 1);
        IF NEW.dossier_ref IS NULL THEN
          RAISE EXCEPTION 'a client with data-subject requests is deleted outside a destruction list';
        END IF;
        NEW.description := '${DESTROYED_TEXT}';
        NEW.id_document_number_end := NULL;
        NEW.extension_reason := CASE WHEN OLD.extension_reason IS NULL THEN NULL ELSE '${DESTROYED_TEXT}' END;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER dsr_request_client_destroyed BEFORE UPDATE OF client_id ON dsr_request
      FOR EACH ROW WHEN (OLD.client_id IS NOT NULL AND NEW.client_id IS NULL)
      EXECUTE FUNCTION dsr_request_client_destroyed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER dsr_request_client_destroyed ON dsr_request`);
    await q.query(`DROP FUNCTION dsr_request_client_destroyed()`);
    await q.query(`DELETE FROM dsr_request WHERE client_id IS NULL`);
    await q.query(`ALTER TABLE dsr_request DROP CONSTRAINT dsr_request_client_or_ref`);
    await q.query(`ALTER TABLE dsr_request DROP CONSTRAINT dsr_request_client_id_fkey`);
    await q.query(`
      ALTER TABLE dsr_request ADD CONSTRAINT dsr_request_client_id_fkey
        FOREIGN KEY (client_id) REFERENCES client (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE dsr_request ALTER COLUMN client_id SET NOT NULL`);
    await q.query(`ALTER TABLE dsr_request DROP COLUMN dossier_ref`);
    await q.query(`DROP INDEX destruction_list_one_open_erasure_idx`);
    await q.query(`DROP INDEX destruction_list_one_open_idx`);
    await q.query(`
      CREATE UNIQUE INDEX destruction_list_one_open_idx ON destruction_list ((true))
        WHERE status IN ('prepared','reviewed','approved','running')`);
    await q.query(`ALTER TABLE destruction_list DROP COLUMN dsr_request_id`);
  }
}
