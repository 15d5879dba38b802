import { DSR_OUTCOME_LABELS, DSR_TYPE_LABELS, type DsrOutcome, type DsrType } from '@werkpad/shared';

import { startPdf } from '../../common/pdf';
import { dutchDate } from '../reports/report-pdf';
import { PROCESSING_CONTROLLER } from '../processing-register/processing-activities';

export interface LetterAddressee {
  readonly name: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postcode: string;
  readonly city: string;
}

interface LetterBase {
  readonly reference: string;
  readonly type: DsrType;
  readonly receivedOn: string;
  readonly writtenOn: string;
  readonly addressee: LetterAddressee;
}

export interface ExtensionLetter extends LetterBase {
  readonly dueOn: string;
  readonly extendedDueOn: string;
  readonly reason: string;
}

export interface OutcomeLetter extends LetterBase {
  readonly outcome: DsrOutcome;
  readonly ground: string | null;
}

const CLOSING =
  'Bent u het niet eens met deze beslissing, dan kunt u contact opnemen met onze Functionaris ' +
  'Gegevensbescherming (fg@werkkracht.nl) of een klacht indienen bij de Autoriteit Persoonsgegevens ' +
  '(autoriteitpersoonsgegevens.nl).';

/** A Dutch letter on A4: sender, address, date and subject, then the paragraphs. */
function letter(base: LetterBase, subject: string, paragraphs: readonly string[]): Promise<Buffer> {
  const { doc, done } = startPdf({
    size: 'A4',
    margin: 64,
    lang: 'nl-NL',
    info: { Title: `${subject} (${base.reference})`, Author: PROCESSING_CONTROLLER },
  });
  const { addressee } = base;
  doc.font('Helvetica').fontSize(9).text(PROCESSING_CONTROLLER).moveDown(2);
  doc.fontSize(11).text(addressee.name).text(`${addressee.street} ${addressee.houseNumber}`);
  doc.text(`${addressee.postcode}  ${addressee.city}`).moveDown(2);
  doc.text(`Ede, ${dutchDate(base.writtenOn)}`).moveDown();
  doc.text(`Ons kenmerk: ${base.reference}`);
  doc.font('Helvetica-Bold').text(`Onderwerp: ${subject}`).font('Helvetica').moveDown(1.5);
  doc.text(`Beste ${addressee.name},`).moveDown();
  for (const paragraph of paragraphs) doc.text(paragraph, { align: 'left' }).moveDown();
  doc.text('Met vriendelijke groet,').moveDown(2).text(PROCESSING_CONTROLLER);
  doc.end();
  return done;
}

/** R-DSR-03: the written notice of an extension, before the first month ends. */
export function renderExtensionLetter(input: ExtensionLetter): Promise<Buffer> {
  const type = DSR_TYPE_LABELS[input.type].toLowerCase();
  return letter(input, `Uitstel van de beantwoording van uw verzoek (${type})`, [
    `Op ${dutchDate(input.receivedOn)} ontvingen wij uw verzoek (${type}). Wij beantwoorden een verzoek ` +
      `normaal binnen een maand, dus uiterlijk op ${dutchDate(input.dueOn)}.`,
    `Uw verzoek vraagt meer tijd. De reden: ${input.reason}`,
    `Daarom verlengen wij de termijn tot uiterlijk ${dutchDate(input.extendedDueOn)}. De wet (AVG artikel 12, ` +
      'derde lid) staat een verlenging van hoogstens twee maanden toe.',
    CLOSING,
  ]);
}

/** R-DSR-05: the outcome, with the ground of a (partial) refusal. */
export function renderOutcomeLetter(input: OutcomeLetter): Promise<Buffer> {
  const type = DSR_TYPE_LABELS[input.type].toLowerCase();
  const outcome = DSR_OUTCOME_LABELS[input.outcome].toLowerCase();
  return letter(input, `Beslissing op uw verzoek (${type})`, [
    `Op ${dutchDate(input.receivedOn)} ontvingen wij uw verzoek (${type}). Wij hebben uw identiteit ` +
      'vastgesteld aan de hand van een identiteitsbewijs; een kopie daarvan hebben wij niet bewaard.',
    `Ons besluit: uw verzoek is ${outcome}.`,
    ...(input.ground ? [`De reden: ${input.ground}`] : []),
    CLOSING,
  ]);
}
