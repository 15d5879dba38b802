import type { MigrationInterface, QueryRunner } from 'typeorm';

import { MEDICAL_ROLE, MEDICAL_SCHEMA as M } from '../provision/roles';

/**
 * Issue 9, R-DSR-04: the client's own medical records belong in the answer to an access or
 * portability request. Row-level security shows medical records only to the assigned expertise
 * user; this owner's function is the one other way in, for the medical role only, and only for the
 * client of an open access or portability request whose identity has been verified. It returns
 * ciphertext: the medical module decrypts with its own key.
 */
export class MedicalAccessRequest1763800001260 implements MigrationInterface {
  name = 'MedicalAccessRequest1763800001260';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ${M}.records_for_access_request(request uuid)
        RETURNS TABLE (id uuid, kind text, recorded_on date, title_encrypted bytea, body_encrypted bytea,
                       source_encrypted bytea)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        subject uuid;
      BEGIN
        SELECT d.client_id INTO subject FROM public.dsr_request d
         WHERE d.id = request AND d.type IN ('access', 'portability') AND d.status = 'open'
           AND d.id_seen_on IS NOT NULL;
        IF subject IS NULL THEN
          RAISE EXCEPTION 'no open, verified access request %', request USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY
          SELECT r.id, r.kind, r.recorded_on, r.title_encrypted, r.body_encrypted, r.source_encrypted
            FROM ${M}.medical_record r WHERE r.client_id = subject ORDER BY r.recorded_on, r.id;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${M}.records_for_access_request(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${M}.records_for_access_request(uuid) TO ${MEDICAL_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${M}.records_for_access_request(uuid)`);
  }
}
