/** How to draw a map for a print: its CSS size and how many canvas pixels each CSS pixel gets. */
export interface PrintMapFrame {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
}

/**
 * The frame that shows everything the screen's map shows, at the same centre and zoom, in a box of
 * the print's proportions: the screen's box widened (or heightened) to the print's aspect, drawn
 * with more pixels per CSS pixel. The print then shows the same ground at the same map scale as the
 * screen, only sharper, with labels and line widths in the same proportion to the map. Whole CSS
 * pixels, rounded up: the drawn map covers `mapPixels` and is cropped to it.
 */
export function printMapFrame(screen: { cssWidth: number; cssHeight: number }, mapPixels: { width: number; height: number }): PrintMapFrame {
  const aspect = mapPixels.width / mapPixels.height;
  const cssWidth = Math.max(screen.cssWidth, screen.cssHeight * aspect, 1);
  return { cssWidth: Math.ceil(cssWidth), cssHeight: Math.ceil(cssWidth / aspect), pixelRatio: mapPixels.width / cssWidth };
}
