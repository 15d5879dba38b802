import { writeFileSync } from 'node:fs';

import { csvCell, dutchDateTime } from '../../common/csv';
import { describeFilters, exportFileName, renderCsv, renderPdf } from './access-log-export';
import { type AccessLogRow, organisationUnit } from './access-log-view';
import { AccessLogQueryDto } from './dto/access-log.dto';

function row(fields: Partial<AccessLogRow> = {}): AccessLogRow {
  return {
    seq: '42',
    occurred_at: new Date('2026-07-01T10:15:00Z'),
    user_id: '7b0d3c3e-2f4a-4f6e-9a51-1b2c3d4e5f60',
    username: 'ic1',
    roles: ['income_consultant'],
    subject_client_ids: ['0c6e7a9e-6d1b-4f5e-8a3c-2b1a0f9e8d7c'],
    object_type: 'Client',
    object_id: '0c6e7a9e-6d1b-4f5e-8a3c-2b1a0f9e8d7c',
    categories: ['identity', 'benefit_impact'],
    action: 'read',
    result: 'allowed',
    ground: { kind: 'emergency', reference: 'd3a1' },
    route: 'GET /api/clients/:id',
    http_status: 200,
    ...fields,
  };
}

const query = (fields: Partial<AccessLogQueryDto> = {}): AccessLogQueryDto =>
  Object.assign(new AccessLogQueryDto(), fields);

describe('access log export', () => {
  it('writes times on the Dutch clock as dd-mm-jjjj uu:mm, in winter and in summer time', () => {
    expect(dutchDateTime(new Date('2026-01-15T23:30:00Z'))).toBe('16-01-2026 00:30');
    expect(dutchDateTime(new Date('2026-07-01T10:15:00Z'))).toBe('01-07-2026 12:15');
    // The night summer time starts (29 March 2026, 02:00 → 03:00).
    expect(dutchDateTime(new Date('2026-03-29T01:30:00Z'))).toBe('29-03-2026 03:30');
  });

  it('quotes cells with separators and neutralises formulas', () => {
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });

  it('names the organisation unit of each role, and of none', () => {
    expect(organisationUnit(['income_consultant'])).toBe('Gemeente – inkomen');
    expect(organisationUnit(['coach', 'expertise'])).toBe('Werkpad – trajectbegeleiding / Expertisecentrum');
    expect(organisationUnit([])).toBe('Onbekend (niet aangemeld)');
  });

  it('renders a CSV row in Dutch with the emergency flag', () => {
    const csv = renderCsv({
      rows: [row()],
      truncated: false,
      query: query(),
      generatedAt: new Date(),
      generatedBy: 'dpo1',
    }).toString('utf8');
    const [, line] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(line.split(';')).toEqual([
      '42',
      '01-07-2026 12:15',
      'ic1',
      '7b0d3c3e-2f4a-4f6e-9a51-1b2c3d4e5f60',
      'Inkomensconsulent',
      'Gemeente – inkomen',
      '0c6e7a9e-6d1b-4f5e-8a3c-2b1a0f9e8d7c',
      'Client',
      '0c6e7a9e-6d1b-4f5e-8a3c-2b1a0f9e8d7c',
      expect.stringContaining(', '),
      'Inzien',
      'Toegestaan',
      'Noodtoegang',
      'd3a1',
      'ja',
      'GET /api/clients/:id',
      '200',
    ]);
  });

  it('describes the filters in words and names the file without personal data', () => {
    expect(describeFilters(query())).toEqual(['Geen filters: het hele logboek']);
    expect(describeFilters(query({ role: 'coach', from: '2026-03-01', to: '2026-03-31' }))).toEqual([
      'Rol: Trajectbegeleider',
      'Periode: 01-03-2026 t/m 31-03-2026',
    ]);
    expect(exportFileName(new Date('2026-07-01T10:15:00Z'), 'pdf')).toBe('toegangslog-20260701-1215.pdf');
  });

  it('renders a multi-page landscape PDF with a page count', async () => {
    const rows = Array.from({ length: 120 }, (_, index) =>
      row({
        seq: String(index + 1),
        subject_client_ids:
          index % 7 === 0 ? [row().subject_client_ids[0], row().object_id ?? ''] : row().subject_client_ids,
        ground:
          index % 5 === 0
            ? { kind: 'emergency', reference: 'd3a1' }
            : { kind: 'role_policy', reference: 'clients.policy (income_consultant)' },
      }),
    );
    const pdf = await renderPdf({
      rows,
      truncated: true,
      query: query({ role: 'income_consultant' }),
      generatedAt: new Date('2026-07-01T10:15:00Z'),
      generatedBy: 'dpo1',
    });
    if (process.env['ACCESS_LOG_PDF_OUT']) writeFileSync(process.env['ACCESS_LOG_PDF_OUT'], pdf);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  });
});
