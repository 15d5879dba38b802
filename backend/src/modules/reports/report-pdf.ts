import {
  DATA_CATEGORY_LABELS,
  DOSSIER_ENTRY_KIND_LABELS,
  type ProgressReportContent,
  type ReportEntry,
  type ReportTrajectorySection,
} from '@werkpad/shared';

import { dutchMoment, startPdf } from '../../common/pdf';
import { useEmbeddedFonts } from '../../common/pdf-fonts';

const MARGIN = 56;
const HEADER_Y = 24;
const FOOTER_GAP = 34;

type Doc = PDFKit.PDFDocument;
type Struct = ReturnType<Doc['struct']>;

const LONG_DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 februari 2026" for an ISO date (no time zone shift: the date is the date). */
export function dutchDate(iso: string): string {
  return LONG_DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

class ReportWriter {
  private readonly root: Struct;

  constructor(
    private readonly doc: Doc,
    private readonly content: ProgressReportContent,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private tagged(parent: Struct, type: string, draw: () => void): void {
    parent.add(this.doc.struct(type, {}, draw));
  }

  private heading(parent: Struct, level: 'H1' | 'H2' | 'H3', text: string): void {
    const size = level === 'H1' ? 17 : level === 'H2' ? 13 : 11;
    this.doc.moveDown(level === 'H1' ? 0 : 0.7);
    this.tagged(parent, level, () => this.doc.font('bold').fontSize(size).text(text));
    this.doc.font('regular').fontSize(10).moveDown(0.2);
  }

  private paragraph(parent: Struct, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
    this.tagged(parent, 'P', () => this.doc.font('regular').fontSize(10).text(text, options));
  }

  private labelled(parent: Struct, label: string, value: string): void {
    this.tagged(parent, 'P', () =>
      this.doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value),
    );
  }

  write(): void {
    const { content, root } = this;
    this.heading(root, 'H1', 'Voortgangsrapportage');
    this.labelled(root, 'Kenmerk', content.reference);
    this.labelled(root, 'Cliënt', content.client.name);
    if (content.client.dateOfBirth)
      this.labelled(root, 'Geboortedatum', dutchDate(content.client.dateOfBirth));
    if (content.client.bsn) this.labelled(root, 'BSN', content.client.bsn);
    this.labelled(
      root,
      'Periode',
      `${dutchDate(content.period.start)} tot en met ${dutchDate(content.period.end)}`,
    );
    const person = content.recipient.person ? `, t.a.v. ${content.recipient.person}` : '';
    this.labelled(root, 'Aan', `${content.recipient.organisation}${person} (${content.recipient.label})`);
    this.labelled(root, 'Opgesteld door', `${content.authorName}, ${dutchMoment(content.createdAt)}`);
    for (const part of content.sections) this.section(part);
    this.doc.moveDown(1);
    this.paragraph(
      root,
      'Deze rapportage bevat alleen de gegevens die deze ontvanger volgens de deelregels mag ontvangen; ' +
        'medische gegevens staan er nooit in. De cliënt ziet elke rapportage vóór of na verzending.',
      { oblique: false },
    );
    root.end();
  }

  private section(part: ReportTrajectorySection): void {
    const sect = this.doc.struct('Sect');
    this.root.add(sect);
    const period = part.closedOn
      ? `${dutchDate(part.startDate)} – ${dutchDate(part.closedOn)}`
      : `sinds ${dutchDate(part.startDate)}`;
    this.heading(sect, 'H2', `Traject ${part.typeLabel} (${period})`);
    this.labelled(sect, 'Grondslag van het traject', part.legalBasis);
    if (part.coachName) this.labelled(sect, 'Trajectbegeleider', part.coachName);
    this.labelled(
      sect,
      'Gerapporteerde gegevens',
      part.categories.map((c) => DATA_CATEGORY_LABELS[c]).join(', '),
    );

    this.heading(sect, 'H3', 'Doel en afspraken');
    this.paragraph(sect, `${part.goal} (rapportage: ${part.frequency})`);

    this.heading(sect, 'H3', 'Voortgang');
    this.entries(sect, part.progress, 'Geen voortgang vastgelegd in deze periode.');

    this.heading(sect, 'H3', 'Besluiten');
    this.entries(sect, part.decisions, 'Geen besluiten in deze periode.');

    if (part.outcome) {
      this.heading(sect, 'H3', 'Uitkomst en advies van het Expertisecentrum');
      this.labelled(sect, 'Conclusie', part.outcome.conclusion);
      this.labelled(sect, 'Advies', part.outcome.advice);
      this.labelled(sect, 'Vastgesteld op', dutchDate(part.outcome.finalizedOn));
    }

    this.heading(sect, 'H3', 'Volgende stappen');
    this.paragraph(sect, part.nextSteps ?? 'Geen volgende stappen vastgelegd.');
    sect.end();
  }

  private entries(parent: Struct, entries: readonly ReportEntry[], none: string): void {
    if (entries.length === 0) {
      this.paragraph(parent, none);
      return;
    }
    for (const entry of entries) {
      const kind = DOSSIER_ENTRY_KIND_LABELS[entry.kind];
      this.tagged(parent, 'P', () =>
        this.doc
          .font('bold')
          .fontSize(10)
          .text(`${dutchDate(entry.occurredOn)} · ${kind}: ${entry.title}`),
      );
      if (entry.body) this.paragraph(parent, entry.body, { indent: 12 });
      if (entry.decidedBy) this.paragraph(parent, `Besluit genomen door ${entry.decidedBy}.`, { indent: 12 });
      this.doc.moveDown(0.3);
    }
  }

  /** Header and footer on every page, as artifacts (not part of the reading order). */
  decoratePages(): void {
    const { doc, content } = this;
    const range = doc.bufferedPageRange();
    const grounds = [...new Set(content.sections.flatMap((part) => part.grounds))].join('; ');
    const recipient = `${content.recipient.organisation} (${content.recipient.label})`;
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing in the margin must not start a new page
      const width = doc.page.width - 2 * MARGIN;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font('regular')
        .fontSize(8)
        .fillColor('#333333')
        .text(content.organisation, MARGIN, HEADER_Y, { width, align: 'left', lineBreak: false })
        .text(content.reference, MARGIN, HEADER_Y, { width, align: 'right', lineBreak: false });
      const footerY = doc.page.height - FOOTER_GAP - 10;
      doc
        .text(`Ontvanger: ${recipient}. Grondslag: ${grounds}.`, MARGIN, footerY, { width: width - 80 })
        .text(`pagina ${index - range.start + 1} van ${range.count}`, MARGIN, footerY, {
          width,
          align: 'right',
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.fillColor('black');
      doc.page.margins.bottom = bottom;
    }
  }
}

/**
 * The report as PDF/A-3b (A4, embedded fonts, tagged, Dutch). Everything comes from the stored
 * content, including the creation moment, so the same content gives the same bytes.
 */
export function renderProgressReportPdf(content: ProgressReportContent): Promise<Buffer> {
  const { doc, done } = startPdf({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: `Voortgangsrapportage ${content.reference}`,
      Author: content.organisation,
      Subject: `Voortgangsrapportage aan ${content.recipient.organisation}`,
      Creator: 'Werkpad',
      Producer: 'Werkpad (pdfkit)',
      CreationDate: new Date(content.createdAt),
      ModDate: new Date(content.createdAt),
    },
  });
  useEmbeddedFonts(doc);
  const writer = new ReportWriter(doc, content);
  writer.write();
  writer.decoratePages();
  doc.end();
  return done;
}
