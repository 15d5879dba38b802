import { type Finding } from '@werkpad/shared';

import { findingsExportFileName, renderFindingsCsv } from './findings-export';

const finding = (fields: Partial<Finding> = {}): Finding => ({
  key: 'denied:42',
  kind: 'denied',
  occurredAt: '2026-07-01T10:15:00.000Z',
  userId: '7b0d3c3e-2f4a-4f6e-9a51-1b2c3d4e5f60',
  username: 'coach1',
  clientIds: ['0c6e7a9e-6d1b-4f5e-8a3c-2b1a0f9e8d7c'],
  description: 'Geweigerde poging van coach1: read Client; HTTP 404.',
  auditSeqs: ['42'],
  review: null,
  ...fields,
});

const lines = (content: Buffer) => content.subarray(3).toString('utf8').split('\r\n');

describe('findings export', () => {
  it('writes a BOM, Dutch headers and labels, Dutch times and CRLF', () => {
    const content = renderFindingsCsv({ findings: [finding()], truncated: false });
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines(content)).toEqual([
      "Sleutel;Soort;Tijdstip;Gebruiker;Cliënt-id's;Beschrijving;Audit-seq's;Beoordeeld;Beoordeeld door;Beoordeeld op;Notitie",
      'denied:42;Geweigerde poging;01-07-2026 12:15;coach1;0c6e7a9e-6d1b-4f5e-8a3c-2b1a0f9e8d7c;"Geweigerde poging van coach1: read Client; HTTP 404.";42;nee;;;',
      '',
    ]);
  });

  it('writes the review and neutralises a note that looks like a formula', () => {
    const content = renderFindingsCsv({
      findings: [
        finding({
          review: {
            reviewedBy: 'u-dpo',
            reviewedByName: 'Fenna FG',
            reviewedAt: '2026-01-15T23:30:00.000Z',
            note: '=HYPERLINK("x")',
          },
        }),
      ],
      truncated: false,
    });
    expect(lines(content)[1].endsWith(`;ja;Fenna FG;16-01-2026 00:30;"'=HYPERLINK(""x"")"`)).toBe(true);
  });

  it('ends with a note when the findings were cut off', () => {
    const all = lines(renderFindingsCsv({ findings: [finding()], truncated: true }));
    expect(all[2]).toMatch(/^Let op: meer dan 10\.000 bevindingen gevonden/);
  });

  it('names the file by the Dutch time, without personal data', () => {
    expect(findingsExportFileName(new Date('2026-03-29T01:30:00Z'))).toBe('bevindingen-20260329-0330.csv');
  });
});
