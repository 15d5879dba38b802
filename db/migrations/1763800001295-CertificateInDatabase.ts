import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The verklaring van vernietiging (issue 7, R-RET-04) is composed in the database from the list and
 * its items and stored as JSON text, with the SHA-256 of exactly that text. Before, the server read
 * every item, built the document (46 MB for 100,000 dossiers) in memory, sent it back and the
 * database parsed it into jsonb: about 5 s of a 100,000-dossier run, and the server's memory doubled
 * at the end. The json functions build text directly (composing it as jsonb took twice as long), and
 * the download serves the stored text itself, so what the archive holds, what is downloaded and the
 * digest printed on the PDF are one and the same.
 *
 * Certificates stored before this migration were digested over the server's serialisation; they
 * become the text of their jsonb, and their digest is taken again over that text.
 */
export class CertificateInDatabase1763800001295 implements MigrationInterface {
  name = 'CertificateInDatabase1763800001295';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION werkpad_utc_iso(moment timestamptz) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')
      $$`);
    // No personal data: pseudonymous dossier references (16 characters), trajectory types, periods,
    // counts, the reviewer's and approver's names. The parts' trajectory ids are left out.
    await q.query(`
      CREATE FUNCTION destruction_certificate(target uuid, organisation text, method text, ground text)
        RETURNS text
      LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
        SELECT json_build_object(
          'reference', l.reference,
          'organisation', organisation,
          'asOf', l.as_of::text,
          'preparedAt', werkpad_utc_iso(l.prepared_at),
          'reviewedBy', coalesce(r.display_name, ''),
          'reviewedAt', werkpad_utc_iso(l.reviewed_at),
          'approvedBy', coalesce(a.display_name, ''),
          'approvedAt', werkpad_utc_iso(l.approved_at),
          'startedAt', werkpad_utc_iso(l.started_at),
          'completedAt', werkpad_utc_iso(coalesce(l.completed_at, now())),
          'method', method,
          'ground', ground,
          'policies', (
            SELECT coalesce(json_agg(json_build_object('trajectoryType', p.trajectory_type, 'part', p.part,
                                        'version', p.version, 'years', p.years, 'legalGround', p.legal_ground)
                                      ORDER BY p.trajectory_type, p.part, p.version), '[]')
              FROM retention_policy p
             WHERE p.id IN (SELECT (element.value->>'policyId')::uuid
                              FROM destruction_item i CROSS JOIN LATERAL jsonb_array_elements(i.parts) AS element(value)
                             WHERE i.list_id = l.id AND i.status = 'destroyed')),
          'dossiers', (
            SELECT coalesce(json_agg(json_build_object(
                     'dossierRef', left(i.dossier_ref, 16),
                     'scope', i.scope,
                     'parts', (SELECT coalesce(json_agg(part.value - 'trajectoryId' ORDER BY part.n), '[]')
                                 FROM jsonb_array_elements(i.parts) WITH ORDINALITY AS part(value, n)),
                     'destroyedAt', werkpad_utc_iso(i.destroyed_at),
                     'counts', i.counts) ORDER BY i.dossier_ref), '[]')
              FROM destruction_item i WHERE i.list_id = l.id AND i.status = 'destroyed'),
          'excluded', (
            SELECT coalesce(json_agg(json_build_object('dossierRef', left(i.dossier_ref, 16),
                                                         'reason', coalesce(i.excluded_reason, ''))
                                      ORDER BY i.dossier_ref), '[]')
              FROM destruction_item i WHERE i.list_id = l.id AND i.status = 'excluded'),
          'held', (
            SELECT coalesce(json_agg(json_build_object('dossierRef', left(i.dossier_ref, 16)) ORDER BY i.dossier_ref), '[]')
              FROM destruction_item i WHERE i.list_id = l.id AND i.status = 'held'),
          'totals', (
            SELECT json_build_object(
                     'trajectories', coalesce(sum((i.counts->>'trajectories')::int), 0),
                     'dossierEntries', coalesce(sum((i.counts->>'dossierEntries')::int), 0),
                     'documents', coalesce(sum((i.counts->>'documents')::int), 0),
                     'consents', coalesce(sum((i.counts->>'consents')::int), 0),
                     'disclosures', coalesce(sum((i.counts->>'disclosures')::int), 0),
                     'payrollRecords', coalesce(sum((i.counts->>'payrollRecords')::int), 0),
                     'medicalRecords', coalesce(sum((i.counts->>'medicalRecords')::int), 0),
                     'other', coalesce(sum((i.counts->>'other')::int), 0),
                     'auditRowsPseudonymised', coalesce(sum((i.counts->>'auditRowsPseudonymised')::int), 0),
                     'dossiers', count(*))
              FROM destruction_item i WHERE i.list_id = l.id AND i.status = 'destroyed'))::text
          FROM destruction_list l
          LEFT JOIN app_user r ON r.id = l.reviewed_by
          LEFT JOIN app_user a ON a.id = l.approved_by
         WHERE l.id = target
      $$`);
    await q.query(`ALTER TABLE destruction_list ALTER COLUMN certificate TYPE text USING certificate::text`);
    await q.query(`
      UPDATE destruction_list SET certificate_sha256 = sha256(convert_to(certificate, 'UTF8'))
       WHERE certificate IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE destruction_list ALTER COLUMN certificate TYPE jsonb USING certificate::jsonb`,
    );
    await q.query(`DROP FUNCTION destruction_certificate(uuid, text, text, text)`);
    await q.query(`DROP FUNCTION werkpad_utc_iso(timestamptz)`);
  }
}
