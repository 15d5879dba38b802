import { BadRequestException, Injectable } from '@nestjs/common';
import { DATA_CATEGORIES } from '@werkpad/shared';

import { type AuthenticatedUser } from '../../authz/policy.types';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { MedicalAccessPort } from '../../common/medical-access.port';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { PROCESSING_CONTROLLER } from '../processing-register/processing-activities';
import {
  EXPORT_SCHEMA,
  exportArchive,
  type ExportedDocument,
  REDACTION_NOTE,
  redactThirdParties,
  renderExportPdf,
  type SubjectExport,
} from './dsr-export';
import { type DsrRequest, livingClientId } from './dsr-request.entity';

type Row = Record<string, unknown>;

/** Columns that are the system's own bookkeeping, not data about the client (ciphertext, indexes, staff ids). */
const INTERNAL =
  /(_encrypted|_blind_index|^search_name$|^client_id$|_scope$|^in_intake$|^open_trajectory_types$|^expertise_user_ids$|^content$|^package$|^digest$|_sha256$|_by$|^author_id$|^coach_id$|^income_consultant_id$|^expertise_user_id$|^user_id$)/;

/** Fields that name other people (R-DSR-04): left out, and their values redacted from free text. */
const THIRD_PARTY = new Set(['counterparty', 'recipient_person']);

function clean(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).filter(([key]) => !INTERNAL.test(key) && !THIRD_PARTY.has(key)),
  );
}

/**
 * R-DSR-04: one export of everything the agency holds about the client, across modules, read
 * straight from the tables (so a column added later is in it too, unless it is bookkeeping), with
 * the client's own medical records from the Expertisecentrum and the access overview.
 */
@Injectable()
export class DsrExportService {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
    private readonly medical: MedicalAccessPort,
  ) {}

  async archive(actor: AuthenticatedUser, request: DsrRequest): Promise<Buffer> {
    if (request.type !== 'access' && request.type !== 'portability')
      throw new BadRequestException('Een export hoort bij een verzoek om inzage of overdracht.');
    if (request.status !== 'open')
      throw new BadRequestException('Op dit verzoek is al beslist; maak de export voordat u beslist.');
    if (!request.idSeenOn)
      throw new BadRequestException('Stel eerst de identiteit van de verzoeker vast (R-DSR-02).');
    const { data, documents } = await this.collect(actor, request);
    const json = JSON.stringify(data, null, 2);
    RequestContext.addAuditDetails({
      objectId: request.id,
      subjectClientIds: [livingClientId(request)],
      // Every category, medical included: the audit row names categories, never content (R-AUD-04).
      categories: DATA_CATEGORIES.filter((category) => category !== 'account'),
      ground: {
        kind: 'legal_basis',
        reference: `AVG art. ${request.type === 'access' ? '15' : '20'} (${request.reference})`,
      },
      details: { kenmerk: request.reference, documenten: String(documents.length) },
    });
    return exportArchive(json, await renderExportPdf(data), documents);
  }

  private rows(sql: string, clientId: string): Promise<Row[]> {
    return this.access
      .manager()
      .query<Array<{ row: Row }>>(sql, [clientId])
      .then((rows) => rows.map((row) => row.row));
  }

  private async collect(
    actor: AuthenticatedUser,
    request: DsrRequest,
  ): Promise<{ data: SubjectExport; documents: ExportedDocument[] }> {
    const id = livingClientId(request);
    const of = (table: string, order = 'created_at') =>
      this.rows(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE t.client_id = $1 ORDER BY t.${order}`, id);
    const [clientRow] = await this.rows(
      `SELECT to_jsonb(c) || jsonb_build_object('coach', (SELECT display_name FROM app_user WHERE id = c.coach_id)) AS row
         FROM client c WHERE c.id = $1`,
      id,
    );
    const clientRaw = await this.access
      .manager()
      .query<Array<{ bsn_encrypted: Buffer; iban_encrypted: Buffer | null }>>(
        'SELECT bsn_encrypted, iban_encrypted FROM client WHERE id = $1',
        [id],
      );
    const entries = await this.rows(
      `SELECT to_jsonb(e) || jsonb_build_object('author', (SELECT display_name FROM app_user WHERE id = e.author_id)) AS row
         FROM dossier_entry e WHERE e.client_id = $1 ORDER BY e.occurred_on, e.created_at`,
      id,
    );
    const disclosures = await this.rows(
      `SELECT to_jsonb(d) - 'package' AS row FROM disclosure d WHERE d.client_id = $1 ORDER BY d.disclosed_at`,
      id,
    );
    const documentRows = await this.access
      .manager()
      .query<Array<{ id: string; file_name: string; content: Buffer | null; row: Row }>>(
        `SELECT d.id, d.file_name, c.content, to_jsonb(d) AS row
         FROM document d LEFT JOIN document_content c ON c.document_id = d.id
        WHERE d.client_id = $1 ORDER BY d.uploaded_at`,
        [id],
      );
    const documents = documentRows
      .filter((row) => row.content)
      .map((row) => ({
        path: `documenten/${row.id.slice(0, 8)}-${row.file_name.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`,
        content: row.content as Buffer,
      }));
    const thirdParties = [
      ...entries.map((entry) => entry['counterparty']),
      ...disclosures.map((disclosure) => disclosure['recipient_person']),
    ].filter((name): name is string => typeof name === 'string');
    const employmentRows = (table: string, order: string) =>
      this.rows(
        `SELECT to_jsonb(t) AS row FROM ${table} t JOIN employment e ON e.id = t.employment_id
          WHERE e.client_id = $1 ORDER BY t.${order}`,
        id,
      );
    const data: SubjectExport = {
      schema: EXPORT_SCHEMA,
      organisation: PROCESSING_CONTROLLER,
      request: { reference: request.reference, type: request.type, receivedOn: request.receivedOn },
      generatedAt: new Date().toISOString(),
      redaction: REDACTION_NOTE,
      client: {
        ...clean(clientRow ?? {}),
        bsn: clientRaw[0] ? this.crypto.decrypt(clientRaw[0].bsn_encrypted) : null,
        iban: clientRaw[0]?.iban_encrypted ? this.crypto.decrypt(clientRaw[0].iban_encrypted) : null,
      },
      trajectories: (await of('trajectory', 'start_date')).map(clean),
      dossierEntries: entries.map(clean),
      documents: documentRows.map((row) => clean(row.row)),
      fieldChanges: (await of('field_change', 'changed_at')).map(clean),
      consents: (await of('consent', 'given_on')).map(clean),
      disclosures: disclosures.map(clean),
      payroll: {
        employments: (await of('employment', 'start_date')).map(clean),
        hours: (await employmentRows('hours_record', 'created_at')).map(clean),
        absences: (await employmentRows('absence_episode', 'created_at')).map(clean),
        loonwaarde: (await of('loonwaarde_assessment', 'created_at')).map(clean),
        lksApplications: (await of('lks_application', 'created_at')).map(clean),
      },
      expertise: {
        outcomes: (
          await this.rows(
            `SELECT to_jsonb(o) AS row FROM diagnosis_outcome o WHERE o.client_id = $1 AND o.status = 'final'`,
            id,
          )
        ).map(clean),
        functionalCapabilities: (await of('functional_capability', 'recorded_at')).map(clean),
      },
      medicalRecords: await this.medical.recordsForAccessRequest(request.id, actor.id),
      progressReports: (
        await this.rows(
          `SELECT jsonb_build_object('reference', r.reference, 'recipient_type', r.recipient_type,
                  'recipient_organisation', r.recipient_organisation, 'period_start', r.period_start,
                  'period_end', r.period_end, 'status', r.status, 'sent_at', r.sent_at) AS row
             FROM progress_report r WHERE r.client_id = $1 ORDER BY r.created_at`,
          id,
        )
      ).map(clean),
      legalHolds: (await of('legal_hold', 'set_at')).map(clean),
      emergencyAccess: (await of('emergency_access', 'started_at')).map(clean),
      requests: (await of('dsr_request', 'created_at')).map(clean),
      accessOverview: await this.rows(
        `SELECT jsonb_build_object('moment', a.occurred_at, 'rollen', a.roles, 'handeling', a.action,
                'onderdeel', a.object_type, 'categorieen', a.categories, 'resultaat', a.result) AS row
           FROM audit_event a WHERE a.subject_client_ids @> ARRAY[$1::uuid] ORDER BY a.seq`,
        id,
      ),
    };
    return { data: redactThirdParties(data, thirdParties), documents };
  }
}
