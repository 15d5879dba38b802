import { type DestructionCertificate, RETENTION_PART_LABELS, TRAJECTORY_TYPE_RULES } from '@werkpad/shared';

import { dutchDay, dutchMoment, startPdf } from '../../common/pdf';

const COUNT_LABELS: ReadonlyArray<[keyof DestructionCertificate['totals'], string]> = [
  ['dossiers', 'Dossiers'],
  ['trajectories', 'Trajecten'],
  ['dossierEntries', 'Dossieritems (notities, verslagen, besluiten)'],
  ['documents', 'Documenten'],
  ['consents', 'Toestemmingen'],
  ['disclosures', 'Verstrekkingen'],
  ['payrollRecords', 'Salarisgegevens'],
  ['medicalRecords', 'Medische stukken'],
  ['other', 'Overige gegevens'],
  ['auditRowsPseudonymised', 'Logregels gepseudonimiseerd'],
];

/**
 * The verklaring van vernietiging as a Dutch A4 PDF, rendered from the stored certificate JSON (so
 * both say the same). It holds no personal data: references, types, periods and counts only.
 */
export function renderCertificatePdf(
  certificate: DestructionCertificate,
  sha256Hex: string,
): Promise<Buffer> {
  const { doc, done } = startPdf({
    size: 'A4',
    margin: 56,
    info: { Title: `Verklaring van vernietiging ${certificate.reference}`, Author: certificate.organisation },
    lang: 'nl-NL',
  });
  const field = (label: string, text: string): void => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(text);
  };
  const heading = (text: string): void => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).font('Helvetica').fontSize(10);
  };

  doc.font('Helvetica-Bold').fontSize(18).text('Verklaring van vernietiging');
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  field('Kenmerk', certificate.reference);
  field('Organisatie', certificate.organisation);
  field('Peildatum', dutchDay(certificate.asOf));
  field('Lijst opgesteld', dutchMoment(certificate.preparedAt));
  field('Beoordeeld door', `${certificate.reviewedBy} op ${dutchMoment(certificate.reviewedAt)}`);
  field('Goedgekeurd door', `${certificate.approvedBy} op ${dutchMoment(certificate.approvedAt)}`);
  field('Uitgevoerd', `${dutchMoment(certificate.startedAt)} tot ${dutchMoment(certificate.completedAt)}`);
  field('Grondslag', certificate.ground);
  field('Wijze van vernietiging', certificate.method);

  heading('Totalen');
  for (const [key, label] of COUNT_LABELS) field(label, String(certificate.totals[key]));

  heading('Toegepaste bewaartermijnen');
  for (const policy of certificate.policies) {
    doc.text(
      `${TRAJECTORY_TYPE_RULES[policy.trajectoryType].label} – ${RETENTION_PART_LABELS[policy.part]}: ` +
        `${policy.years} jaar (versie ${policy.version}; ${policy.legalGround})`,
    );
  }

  heading('Vernietigde dossiers');
  for (const dossier of certificate.dossiers) {
    const parts = dossier.parts
      .map(
        (part) =>
          `${TRAJECTORY_TYPE_RULES[part.trajectoryType].label} (${RETENTION_PART_LABELS[part.part].toLowerCase()}, ` +
          `${dutchDay(part.startDate)} – ${dutchDay(part.closedOn)})`,
      )
      .join('; ');
    doc.text(
      `${dossier.dossierRef} · ${dossier.scope === 'client' ? 'volledig dossier' : 'trajecten'} · ${parts} · ` +
        `${dossier.counts.dossierEntries} items, ${dossier.counts.documents} documenten, ` +
        `${dossier.counts.medicalRecords} medische stukken`,
    );
  }
  if (certificate.excluded.length > 0) {
    heading('Uitgezonderd');
    for (const item of certificate.excluded) doc.text(`${item.dossierRef}: ${item.reason}`);
  }
  if (certificate.held.length > 0) {
    heading('Opgeschort wegens juridische blokkade');
    for (const item of certificate.held) doc.text(item.dossierRef);
  }
  doc.moveDown(1).fontSize(8).text(`SHA-256 van de verklaring (JSON): ${sha256Hex}`);
  doc.end();
  return done;
}
