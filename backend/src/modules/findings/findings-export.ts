import { type Finding, FINDING_KIND_LABELS } from '@werkpad/shared';

import { csvFile, csvLine, dutchDateTime, fileStamp } from '../../common/csv';

/** An export holds at most this many findings; the file says so when more matched. */
export const FINDINGS_EXPORT_MAX_ROWS = 10_000;

export interface FindingsExportInput {
  readonly findings: readonly Finding[];
  /** More findings matched than the file holds. */
  readonly truncated: boolean;
}

const TRUNCATED_NOTE = `Let op: meer dan ${FINDINGS_EXPORT_MAX_ROWS.toLocaleString('nl-NL')} bevindingen gevonden, dit bestand bevat alleen de eerste ${FINDINGS_EXPORT_MAX_ROWS.toLocaleString('nl-NL')}. Verfijn de filters voor de rest.`;

const CSV_HEADERS = [
  'Sleutel',
  'Soort',
  'Tijdstip',
  'Gebruiker',
  "Cliënt-id's",
  'Beschrijving',
  "Audit-seq's",
  'Beoordeeld',
  'Beoordeeld door',
  'Beoordeeld op',
  'Notitie',
];

/** A file name without personal data: what and when. */
export function findingsExportFileName(generatedAt: Date): string {
  return `bevindingen-${fileStamp(generatedAt)}.csv`;
}

/** UTF-8 with BOM, semicolons and CRLF, Dutch headers and Dutch times: for Excel in a Dutch locale. */
export function renderFindingsCsv(input: FindingsExportInput): Buffer {
  const lines = [csvLine(CSV_HEADERS)];
  for (const finding of input.findings) {
    const review = finding.review;
    lines.push(
      csvLine([
        finding.key,
        FINDING_KIND_LABELS[finding.kind],
        dutchDateTime(new Date(finding.occurredAt)),
        finding.username ?? finding.userId ?? '',
        finding.clientIds.join(', '),
        finding.description,
        finding.auditSeqs.join(', '),
        review ? 'ja' : 'nee',
        review?.reviewedByName ?? '',
        review ? dutchDateTime(new Date(review.reviewedAt)) : '',
        review?.note ?? '',
      ]),
    );
  }
  if (input.truncated) lines.push(csvLine([TRUNCATED_NOTE]));
  return csvFile(lines);
}
