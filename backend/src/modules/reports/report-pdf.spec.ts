import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ProgressReportContent, type ReportEntry } from '@werkpad/shared';

import { dutchDate, renderProgressReportPdf } from './report-pdf';

function entries(count: number): ReportEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    occurredOn: `2026-0${1 + (index % 9)}-1${index % 10}`,
    kind: 'progress' as const,
    category: 'progress' as const,
    title: `Gesprek over werkervaring ${index + 1}`,
    body: 'Cliënt heeft een proefplaatsing bij een bakkerij afgerond; de coach en de werkgever zijn tevreden. '.repeat(
      3,
    ),
    decidedBy: null,
  }));
}

export function sampleContent(progressEntries: number): ProgressReportContent {
  return {
    reference: 'RAP-2026-000042',
    organisation: 'Werkpad, re-integratiebedrijf in opdracht van de gemeente Ede',
    createdAt: '2026-11-22T10:15:00.000Z',
    authorName: 'Coach Één',
    client: { name: 'Zoë Çelik-de Vries', dateOfBirth: '1990-02-03', bsn: '*****1234' },
    recipient: {
      type: 'income_consultant',
      label: 'Inkomensconsulent (gemeente)',
      organisation: 'Gemeente Ede',
      person: null,
    },
    period: { start: '2026-01-01', end: '2026-10-31' },
    sections: [
      {
        trajectoryId: '6f1c1c1e-0000-4000-8000-000000000001',
        type: 'bemiddeling',
        typeLabel: 'Bemiddeling naar werk',
        legalBasis: 'Participatiewet art. 7',
        startDate: '2025-12-01',
        closedOn: null,
        coachName: 'Coach Één',
        goal: 'Betaald werk voor 24 uur per week',
        frequency: 'elk kwartaal',
        categories: ['identity', 'progress', 'benefit_impact'],
        grounds: ['Participatiewet'],
        progress: entries(progressEntries),
        decisions: [
          {
            occurredOn: '2026-06-01',
            kind: 'decision',
            category: 'benefit_impact',
            title: 'Uitkering verlaagd wegens inkomsten',
            body: null,
            decidedBy: 'K. de Boer, inkomensconsulent',
          },
        ],
        outcome: null,
        nextSteps: 'Sollicitatie bij de bakkerij in december.',
      },
    ],
  };
}

describe('progress report PDF (issue 8)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'werkpad-report-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes Dutch dates as readers do', () => {
    expect(dutchDate('2026-02-03')).toBe('3 februari 2026');
  });

  it('R-REP-01: is PDF/A with embedded fonts, Dutch metadata and "pagina X van Y" on every page', async () => {
    const pdf = await renderProgressReportPdf(sampleContent(30));
    const file = join(folder, 'report.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/Title:\s+Voortgangsrapportage RAP-2026-000042/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(pdf.toString('latin1')).toContain('<pdfaid:part>3</pdfaid:part>');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni object ID
    for (const line of fonts) expect(line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zoë Çelik-de Vries');
    expect(text).toContain(`pagina 1 van ${pages}`);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).toContain('Besluit genomen door K. de Boer, inkomensconsulent.');
    expect(text).toContain('Geboortedatum: 3 februari 1990');
  });

  it('renders the same content to the same bytes', async () => {
    const first = await renderProgressReportPdf(sampleContent(5));
    const second = await renderProgressReportPdf(sampleContent(5));
    expect(second.equals(first)).toBe(true);
  });
});
