import PDFDocument from 'pdfkit';

/** A pdfkit document and the promise of its bytes, resolved when the caller ends the document. */
export function startPdf(options: PDFKit.PDFDocumentOptions): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** A moment as Dutch readers write it, in Dutch time: "22 november 2026 om 10:42". */
export function dutchMoment(iso: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) as dd-mm-jjjj. */
export function dutchDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}
