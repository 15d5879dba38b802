import { createHash } from 'node:crypto';

import { DSR_TYPE_LABELS, type DsrType } from '@werkpad/shared';
import { zipSync, type Zippable } from 'fflate';

import { startPdf } from '../../common/pdf';
import { useEmbeddedFonts } from '../../common/pdf-fonts';
import { type SubjectMedicalRecord } from '../../common/medical-access.port';
import { dutchDate } from '../reports/report-pdf';

export const EXPORT_SCHEMA = 'werkpad.inzage.v1';

export const REDACTION_NOTE =
  'Gegevens over andere personen zijn weggelaten: de namen van correspondentiepartners en van ' +
  'contactpersonen van ontvangers, en in vrije tekst elke plek waar zo’n naam stond ([derde]). ' +
  'Namen van medewerkers die in functie handelden, staan er wel in.';

type Row = Record<string, unknown>;

/** Everything the agency holds about the client, by category (docs/dsr-export-schema.md). */
export interface SubjectExport {
  readonly schema: typeof EXPORT_SCHEMA;
  readonly organisation: string;
  readonly request: { readonly reference: string; readonly type: DsrType; readonly receivedOn: string };
  readonly generatedAt: string;
  readonly redaction: string;
  readonly client: Row;
  readonly trajectories: readonly Row[];
  readonly dossierEntries: readonly Row[];
  readonly documents: readonly Row[];
  readonly fieldChanges: readonly Row[];
  readonly consents: readonly Row[];
  readonly disclosures: readonly Row[];
  readonly payroll: {
    readonly employments: readonly Row[];
    readonly hours: readonly Row[];
    readonly absences: readonly Row[];
    readonly loonwaarde: readonly Row[];
    readonly lksApplications: readonly Row[];
  };
  readonly expertise: { readonly outcomes: readonly Row[]; readonly functionalCapabilities: readonly Row[] };
  readonly medicalRecords: readonly SubjectMedicalRecord[];
  readonly progressReports: readonly Row[];
  readonly legalHolds: readonly Row[];
  readonly emergencyAccess: readonly Row[];
  readonly requests: readonly Row[];
  readonly accessOverview: readonly Row[];
}

/** A document's content, to go into the archive next to the JSON. */
export interface ExportedDocument {
  readonly path: string;
  readonly content: Buffer;
}

/** Replaces every third-party name in free text by [derde] (R-DSR-04: "de privacy van anderen"). */
export function redactThirdParties<T>(value: T, names: readonly string[]): T {
  const wanted = names.map((name) => name.trim()).filter((name) => name.length >= 3);
  if (wanted.length === 0) return value;
  const pattern = new RegExp(
    wanted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'gi',
  );
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return item.replace(pattern, '[derde]');
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dutchDate(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The readable version: one section per category, each record as "veld: waarde" lines. */
export function renderExportPdf(data: SubjectExport): Promise<Buffer> {
  const { doc, done } = startPdf({
    size: 'A4',
    margin: 56,
    lang: 'nl-NL',
    info: { Title: `Inzage in uw gegevens (${data.request.reference})`, Author: data.organisation },
  });
  useEmbeddedFonts(doc);
  const heading = (label: string, size = 13) =>
    doc.moveDown(0.6).font('bold').fontSize(size).text(label).font('regular').fontSize(9);
  const records = (label: string, rows: readonly Row[] | readonly SubjectMedicalRecord[]) => {
    heading(`${label} (${rows.length})`);
    if (rows.length === 0) doc.text('Geen.');
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) doc.text(`${key}: ${text(value)}`);
      doc.moveDown(0.4);
    }
  };
  heading(`Inzage in uw gegevens`, 17);
  doc.text(
    `${data.organisation}. Verzoek ${data.request.reference} (${DSR_TYPE_LABELS[data.request.type].toLowerCase()}), ontvangen op ${dutchDate(data.request.receivedOn)}.`,
  );
  doc.text(
    `Gemaakt op ${dutchDate(data.generatedAt)}. Dezelfde gegevens staan machineleesbaar in export.json.`,
  );
  doc.moveDown(0.4).text(data.redaction);
  records('Uw persoonsgegevens', [data.client]);
  records('Trajecten', data.trajectories);
  records('Dossierstukken', data.dossierEntries);
  records('Documenten (in de map documenten/)', data.documents);
  records('Wijzigingen in uw gegevens', data.fieldChanges);
  records('Toestemmingen', data.consents);
  records('Verstrekkingen aan anderen', data.disclosures);
  records('Dienstverbanden', data.payroll.employments);
  records('Gewerkte uren', data.payroll.hours);
  records('Verzuim', data.payroll.absences);
  records('Loonwaardemetingen', data.payroll.loonwaarde);
  records('Aanvragen loonkostensubsidie', data.payroll.lksApplications);
  records('Uitkomst en advies Expertisecentrum', data.expertise.outcomes);
  records('Functionele mogelijkheden', data.expertise.functionalCapabilities);
  records('Medische gegevens (Expertisecentrum)', data.medicalRecords);
  records('Voortgangsrapportages', data.progressReports);
  records('Blokkades van vernietiging', data.legalHolds);
  records('Noodtoegang tot uw dossier', data.emergencyAccess);
  records('Uw verzoeken', data.requests);
  records('Wie uw gegevens inzag (toegangsoverzicht)', data.accessOverview);
  doc.end();
  return done;
}

/** The archive: export.json, export.pdf, the documents, and a checksum list. */
export function exportArchive(json: string, pdf: Buffer, documents: readonly ExportedDocument[]): Buffer {
  const files: Zippable = {
    'export.json': new TextEncoder().encode(json),
    'export.pdf': [new Uint8Array(pdf), { level: 0 }],
  };
  for (const document of documents) files[document.path] = new Uint8Array(document.content);
  const sums = Object.entries(files).map(([path, file]) => {
    const bytes = Array.isArray(file) ? (file[0] as Uint8Array) : (file as Uint8Array);
    return `${createHash('sha256').update(bytes).digest('hex')}  ${path}`;
  });
  files['SHA256SUMS'] = new TextEncoder().encode(`${sums.join('\n')}\n`);
  return Buffer.from(zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') }));
}
