import type { Page } from 'playwright-core';

/** What a room sees of the big screen beyond the panels' text: the map's labels, controls, share and sharpness. */
export interface PresentRoom {
  /** The smallest text size of the basemap's label layers, in CSS pixels. */
  smallestMapLabelPixels: number;
  scaleBarFontPixels: number;
  zoomButtonPixels: number;
  /** The map canvas's drawing buffer. */
  canvasPixels: { width: number; height: number };
  /** Share of the screen where the map shows, not covered by a panel (sampled on a grid). */
  uncoveredMapFraction: number;
  /** How much of the sub-district ranking panel its content fills, top to bottom. */
  rankingFilledFraction: number;
}

export function presentRoom(page: Page): Promise<PresentRoom> {
  return page.evaluate(() => {
    const map = (window as unknown as {
      planMap: { getStyle(): { layers: { type: string; layout?: Record<string, unknown> }[] }; getCanvas(): HTMLCanvasElement };
    }).planMap;
    const labelSizes = map.getStyle().layers
      .filter((layer) => layer.type === 'symbol')
      .map((layer) => layer.layout?.['text-size'])
      .filter((size): size is number => typeof size === 'number');
    const pixels = (selector: string, read: (element: Element) => number) => {
      const element = document.querySelector(selector);
      return element ? read(element) : 0;
    };
    const panels = [...document.querySelectorAll('.present-header, .present-actions, .present-kpis, .present-side, .timeline-large, .tour-card')]
      .map((element) => element.getBoundingClientRect());
    const columns = 192;
    const rows = 108;
    let uncovered = 0;
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const x = ((column + 0.5) / columns) * window.innerWidth;
        const y = ((row + 0.5) / rows) * window.innerHeight;
        if (!panels.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) uncovered++;
      }
    }
    const side = document.querySelector('.present-side')?.getBoundingClientRect();
    const list = document.querySelector('.street-ranking ol')?.getBoundingClientRect();
    const sidePadding = parseFloat(getComputedStyle(document.querySelector('.present-side') ?? document.body).paddingBottom);
    const canvas = map.getCanvas();
    return {
      smallestMapLabelPixels: Math.min(...labelSizes),
      scaleBarFontPixels: pixels('.maplibregl-ctrl-scale', (element) => parseFloat(getComputedStyle(element).fontSize)),
      zoomButtonPixels: pixels('.maplibregl-ctrl-zoom-in', (element) => element.getBoundingClientRect().width),
      canvasPixels: { width: canvas.width, height: canvas.height },
      uncoveredMapFraction: uncovered / (columns * rows),
      rankingFilledFraction: side && list ? (list.bottom + sidePadding - side.top) / side.height : 0,
    };
  });
}
