/** The sizes a map image can be exported at: the screen as it is, or ISO 216 paper. */
export type ImageSize = 'screen' | PaperSize;
export type PaperSize = 'a4-landscape' | 'a4-portrait' | 'a3-landscape' | 'a3-portrait';

export const PAPER_SIZES: readonly PaperSize[] = ['a4-landscape', 'a4-portrait', 'a3-landscape', 'a3-portrait'];

/** Print resolution: what offices print reports at and what print shops ask for. */
export const PRINT_DOTS_PER_INCH = 300;
const MILLIMETERS_PER_INCH = 25.4;
/** ISO 216 sheets, long side × short side. */
const SHEET_MILLIMETERS = { a4: [297, 210], a3: [420, 297] } as const;

/** Pixels of a sheet at `dotsPerInch`: A4 landscape at 300 dpi is 3508 × 2480. */
export function paperPixels(size: PaperSize, dotsPerInch = PRINT_DOTS_PER_INCH): { width: number; height: number } {
  const [long, short] = SHEET_MILLIMETERS[size.startsWith('a3') ? 'a3' : 'a4'];
  const pixels = (millimeters: number) => Math.round((millimeters / MILLIMETERS_PER_INCH) * dotsPerInch);
  return size.endsWith('landscape') ? { width: pixels(long), height: pixels(short) } : { width: pixels(short), height: pixels(long) };
}
