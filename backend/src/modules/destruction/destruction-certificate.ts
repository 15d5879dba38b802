import { type EntityManager } from 'typeorm';

import { PROCESSING_CONTROLLER } from '../processing-register/processing-activities';

export const DESTRUCTION_METHOD =
  'Onomkeerbaar verwijderd uit de database (elk dossier geheel binnen één transactie; medische gegevens eerst, via de ' +
  'eigen databaseverbinding van het Expertisecentrum). Documenten staan in de database en zijn daarmee ' +
  'meeverwijderd. In het toegangslog is de verwijzing naar de cliënt vervangen door een pseudoniem.';

export const DESTRUCTION_GROUND =
  'Bewaartermijn verstreken (Archiefwet 1995 art. 3 en 5; Archiefbesluit 1995 art. 8; AVG art. 5 lid 1 sub e); ' +
  'termijnen volgens het bewaarbeleid, versie per dossier vermeld.';

/**
 * The verklaring van vernietiging (R-RET-04), composed in the database from the list and its items
 * (`destruction_certificate`, migration 1295, as JSON text), which hold no personal data: pseudonymous dossier
 * references, trajectory types, periods, counts, who reviewed and approved. Stored on the list with
 * the SHA-256 of its text, in the transaction that completes the list; kept permanently.
 */
export async function storeCertificate(manager: EntityManager, listId: string): Promise<void> {
  await manager.query(
    `UPDATE destruction_list l
        SET status = 'completed', certificate = c.document,
            certificate_sha256 = sha256(convert_to(c.document, 'UTF8'))
       FROM (SELECT destruction_certificate($1, $2, $3, $4) AS document) c
      WHERE l.id = $1`,
    [listId, PROCESSING_CONTROLLER, DESTRUCTION_METHOD, DESTRUCTION_GROUND],
  );
}

/** The stored certificate: its text exactly as archived, and the SHA-256 stored with it. */
export async function storedCertificate(
  manager: EntityManager,
  listId: string,
): Promise<{ json: string; sha256: Buffer } | null> {
  const [row] = await manager.query<Array<{ json: string; sha256: Buffer }>>(
    `SELECT certificate AS json, certificate_sha256 AS sha256 FROM destruction_list
      WHERE id = $1 AND certificate IS NOT NULL`,
    [listId],
  );
  return row ?? null;
}
