import {
  AUDIT_GROUND_KIND_LABELS,
  type AuditAction,
  type AuditGroundKind,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  isRole,
  ROLE_LABELS,
} from '@werkpad/shared';
import { csvFile, csvLine, dutchDateTime, fileStamp } from '../../common/csv';
import { startPdf } from '../../common/pdf';
import {
  ACTION_LABELS,
  type AccessLogRow,
  dutchDate,
  organisationUnit,
  RESULT_LABELS,
} from './access-log-view';
import { type AccessLogQueryDto } from './dto/access-log.dto';

/** An export holds at most this many rows; the file says so when the result set was larger. */
export const EXPORT_MAX_ROWS = 10_000;

export interface ExportInput {
  readonly rows: readonly AccessLogRow[];
  /** More rows matched than the file holds. */
  readonly truncated: boolean;
  readonly query: AccessLogQueryDto;
  readonly generatedAt: Date;
  readonly generatedBy: string;
}

const TRUNCATED_NOTE = `Let op: meer dan ${EXPORT_MAX_ROWS.toLocaleString('nl-NL')} regels gevonden, dit bestand bevat alleen de eerste ${EXPORT_MAX_ROWS.toLocaleString('nl-NL')}. Verfijn de filters voor de rest.`;

const roleLabel = (role: string): string => (isRole(role) ? ROLE_LABELS[role] : role);
const categoryLabel = (category: string): string =>
  category in DATA_CATEGORY_LABELS ? DATA_CATEGORY_LABELS[category as DataCategory] : category;
const actionLabel = (action: string): string =>
  action in ACTION_LABELS ? ACTION_LABELS[action as AuditAction] : action;
const groundLabel = (row: AccessLogRow): string => {
  const kind = typeof row.ground?.kind === 'string' ? row.ground.kind : null;
  if (!kind) return '';
  return kind in AUDIT_GROUND_KIND_LABELS ? AUDIT_GROUND_KIND_LABELS[kind as AuditGroundKind] : kind;
};
const groundReference = (row: AccessLogRow): string =>
  typeof row.ground?.reference === 'string' ? row.ground.reference : '';
const isEmergency = (row: AccessLogRow): boolean => row.ground?.kind === 'emergency';

/** The filters of the export in words, for the head of the PDF and the audit trail of the file. */
export function describeFilters(query: AccessLogQueryDto): string[] {
  const lines: string[] = [];
  if (query.clientId) lines.push(`Cliënt-id: ${query.clientId}`);
  if (query.userId) lines.push(`Gebruiker-id: ${query.userId}`);
  if (query.role) lines.push(`Rol: ${ROLE_LABELS[query.role]}`);
  if (query.action) lines.push(`Actie: ${ACTION_LABELS[query.action]}`);
  if (query.category) lines.push(`Gegevenscategorie: ${DATA_CATEGORY_LABELS[query.category]}`);
  if (query.result) lines.push(`Resultaat: ${RESULT_LABELS[query.result]}`);
  if (query.groundKind) lines.push(`Grondslag: ${AUDIT_GROUND_KIND_LABELS[query.groundKind]}`);
  if (query.from || query.to) {
    const from = query.from ? dutchDate(query.from) : 'het begin';
    const to = query.to ? dutchDate(query.to) : 'nu';
    lines.push(`Periode: ${from} t/m ${to}`);
  }
  return lines.length > 0 ? lines : ['Geen filters: het hele logboek'];
}

/** A file name without personal data: what, when and the format. */
export function exportFileName(generatedAt: Date, format: 'csv' | 'pdf'): string {
  return `toegangslog-${fileStamp(generatedAt)}.${format}`;
}

const CSV_HEADERS = [
  'Volgnummer',
  'Tijdstip',
  'Gebruikersnaam',
  'Gebruiker-id',
  'Rollen',
  'Organisatie-eenheid',
  "Cliënt-id's",
  'Soort gegeven',
  'Gegeven-id',
  'Gegevenscategorieën',
  'Actie',
  'Resultaat',
  'Grondslag',
  'Grondslag-referentie',
  'Noodtoegang',
  'Route',
  'HTTP-status',
];

/** UTF-8 with BOM, semicolons and CRLF: what Excel in a Dutch locale opens correctly. */
export function renderCsv(input: ExportInput): Buffer {
  const lines = [csvLine(CSV_HEADERS)];
  for (const row of input.rows) {
    lines.push(
      csvLine([
        row.seq,
        dutchDateTime(row.occurred_at),
        row.username ?? '',
        row.user_id ?? '',
        row.roles.map(roleLabel).join(', '),
        organisationUnit(row.roles),
        row.subject_client_ids.join(', '),
        row.object_type,
        row.object_id ?? '',
        row.categories.map(categoryLabel).join(', '),
        actionLabel(row.action),
        RESULT_LABELS[row.result] ?? row.result,
        groundLabel(row),
        groundReference(row),
        isEmergency(row) ? 'ja' : 'nee',
        row.route ?? '',
        row.http_status === null ? '' : String(row.http_status),
      ]),
    );
  }
  if (input.truncated) lines.push(csvLine([TRUNCATED_NOTE]));
  return csvFile(lines);
}

interface PdfColumn {
  readonly header: string;
  readonly width: number;
  readonly value: (row: AccessLogRow) => string;
}

const PDF_COLUMNS: readonly PdfColumn[] = [
  { header: 'Tijdstip', width: 62, value: (row) => dutchDateTime(row.occurred_at) },
  { header: 'Gebruiker', width: 70, value: (row) => row.username ?? '–' },
  { header: 'Rol', width: 70, value: (row) => row.roles.map(roleLabel).join(', ') },
  { header: "Cliënt-id's", width: 142, value: (row) => row.subject_client_ids.join('\n') },
  { header: 'Gegeven', width: 55, value: (row) => row.object_type },
  { header: 'Categorieën', width: 110, value: (row) => row.categories.map(categoryLabel).join(', ') },
  { header: 'Actie', width: 50, value: (row) => actionLabel(row.action) },
  { header: 'Resultaat', width: 50, value: (row) => RESULT_LABELS[row.result] ?? row.result },
  {
    header: 'Grondslag',
    width: 132,
    value: (row) => [groundLabel(row), groundReference(row)].filter(Boolean).join(': '),
  },
  { header: 'Nood', width: 28, value: (row) => (isEmergency(row) ? 'ja' : '') },
];

const FONT_SIZE = 7;
const CELL_PADDING = 2;

/** A landscape A4 table with title, filters, time of creation and page numbers. */
export function renderPdf(input: ExportInput): Promise<Buffer> {
  const { doc, done } = startPdf({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 36, bottom: 40, left: 36, right: 36 },
    bufferPages: true,
    info: { Title: 'Toegangslog Werkpad', Author: 'Werkpad', Subject: 'Uitdraai van het toegangslog' },
  });

  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('Helvetica-Bold').fontSize(16).text('Toegangslog Werkpad');
  doc.moveDown(0.3);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Gemaakt op ${dutchDateTime(input.generatedAt)} (Nederlandse tijd) door ${input.generatedBy}`);
  doc.text(
    `Volgorde: ${input.query.order === 'asc' ? 'oudste eerst' : 'nieuwste eerst'}; ${input.rows.length.toLocaleString('nl-NL')} regels`,
  );
  doc.text(`Filters: ${describeFilters(input.query).join('; ')}`);
  if (input.truncated) doc.font('Helvetica-Bold').text(TRUNCATED_NOTE).font('Helvetica');
  doc.moveDown(0.6);

  const drawRow = (cells: readonly string[], bold: boolean): void => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    const height =
      Math.max(
        ...cells.map((cell, index) =>
          doc.heightOfString(cell || ' ', { width: PDF_COLUMNS[index].width - 2 * CELL_PADDING }),
        ),
      ) +
      2 * CELL_PADDING;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!bold)
        drawRow(
          PDF_COLUMNS.map((column) => column.header),
          true,
        );
      doc.font('Helvetica').fontSize(FONT_SIZE);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, index) => {
      const width = PDF_COLUMNS[index].width;
      doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, {
        width: width - 2 * CELL_PADDING,
        lineBreak: true,
      });
      x += width;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(x, top + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };

  drawRow(
    PDF_COLUMNS.map((column) => column.header),
    true,
  );
  for (const row of input.rows) {
    drawRow(
      PDF_COLUMNS.map((column) => column.value(row)),
      false,
    );
  }
  if (input.rows.length === 0) {
    doc.moveDown().font('Helvetica').fontSize(9).text('Geen regels gevonden.', left);
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`Pagina ${index + 1} van ${range.count}`, left, doc.page.height - 28, {
        width: doc.page.width - left - doc.page.margins.right,
        align: 'right',
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
