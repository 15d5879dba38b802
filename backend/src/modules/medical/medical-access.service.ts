import { Injectable } from '@nestjs/common';
import { medicalAad } from '@werkpad/shared';

import { MedicalAccessPort, type SubjectMedicalRecord } from '../../common/medical-access.port';
import { MedicalCrypto } from './medical-crypto';
import { MedicalDatabase } from './medical-database';

interface AccessRow {
  id: string;
  kind: string;
  recorded_on: string;
  title_encrypted: Buffer;
  body_encrypted: Buffer;
  source_encrypted: Buffer | null;
}

/**
 * R-DSR-04: the Expertisecentrum provides the client's own medical records for an access request,
 * on its own connection and key; medical.records_for_access_request (migration 1260) decides whether
 * the request entitles to them.
 */
@Injectable()
export class MedicalAccess extends MedicalAccessPort {
  constructor(
    private readonly database: MedicalDatabase,
    private readonly crypto: MedicalCrypto,
  ) {
    super();
  }

  recordsForAccessRequest(requestId: string, actorId: string): Promise<SubjectMedicalRecord[]> {
    return this.database.transaction(actorId, async (query) => {
      const rows = await query<AccessRow>(
        `SELECT id, kind, recorded_on::text AS recorded_on, title_encrypted, body_encrypted, source_encrypted
           FROM medical.records_for_access_request($1)`,
        [requestId],
      );
      return rows.map((row) => {
        const aad = (column: 'title' | 'body' | 'source') => medicalAad('medical_record', row.id, column);
        return {
          kind: row.kind,
          recordedOn: row.recorded_on,
          title: this.crypto.decrypt(row.title_encrypted, aad('title')),
          body: this.crypto.decrypt(row.body_encrypted, aad('body')),
          source: this.crypto.decryptOptional(row.source_encrypted, aad('source')),
        };
      });
    });
  }
}
