import { readFileSync } from 'node:fs';

/**
 * DejaVu Sans (npm `dejavu-fonts-ttf`), read once per process. Embedded fonts are what PDF/A asks for,
 * and DejaVu covers every diacritic a Dutch or European name, or a medical term, can carry, which
 * the standard PDF fonts (WinAnsi) do not.
 */
const FONT_DIRECTORY = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');

export const PDF_FONTS = {
  regular: readFileSync(`${FONT_DIRECTORY}DejaVuSans.ttf`),
  bold: readFileSync(`${FONT_DIRECTORY}DejaVuSans-Bold.ttf`),
};

/** Registers the fonts as 'regular' and 'bold' and selects 'regular'. */
export function useEmbeddedFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  doc.font('regular');
}
