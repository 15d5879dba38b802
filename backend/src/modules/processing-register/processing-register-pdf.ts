import { DATA_CATEGORY_LABELS, type DataCategory, type ProcessingRegister } from '@werkpad/shared';
import { dutchMoment, startPdf } from '../../common/pdf';

function labels(categories: readonly DataCategory[]): string {
  return categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', ');
}

/** The register as a PDF in Dutch: title, controller, moment of generation, one section per activity. */
export function renderProcessingRegisterPdf(register: ProcessingRegister): Promise<Buffer> {
  const { doc, done } = startPdf({
    size: 'A4',
    margin: 56,
    info: { Title: 'Verwerkingsregister (AVG art. 30)', Author: register.controller },
    lang: 'nl-NL',
  });

  const heading = (text: string, size: number): void => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10);
  };
  const field = (label: string, text: string): void => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(text);
  };

  doc.font('Helvetica-Bold').fontSize(18).text('Verwerkingsregister (AVG art. 30)');
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  field('Verwerkingsverantwoordelijke', register.controller);
  field('Gegenereerd op', dutchMoment(register.generatedAt));
  field('Versie van de deelregels', register.sharingRulesVersion);
  doc
    .moveDown(0.5)
    .text(
      'Gegenereerd uit de regels die de applicatie afdwingt (trajecttypen, deelregels, toestemmingsdoelen, gegevenscategorieën).',
    );

  for (const activity of register.activities) {
    heading(activity.name, 13);
    doc.font('Helvetica-Bold').text('Doelen');
    doc.font('Helvetica').list([...activity.purposes], { bulletRadius: 1.5 });
    field('Grondslagen', activity.legalBases.join('; '));
    field('Gegevenscategorieën', labels(activity.dataCategories));
    field(
      'Toestemmingsdoelen',
      activity.consentPurposes.length > 0 ? activity.consentPurposes.join('; ') : 'geen',
    );
    field('Bewaartermijn', activity.retention);
    doc.font('Helvetica-Bold').text('Ontvangers');
    if (activity.recipients.length === 0) doc.font('Helvetica').text('geen');
    else
      doc.font('Helvetica').list(
        activity.recipients.map(
          (recipient) =>
            `${recipient.recipient} - ${labels(recipient.categories)} (grond: ${recipient.ground})`,
        ),
        { bulletRadius: 1.5 },
      );
  }

  heading('Beveiligingsmaatregelen', 13);
  doc.list([...register.securityMeasures], { bulletRadius: 1.5 });
  doc.end();
  return done;
}
