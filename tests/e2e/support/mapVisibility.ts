import type { Page } from 'playwright-core';

export interface MapVisibility {
  /** The share of the map's area where the map itself is the topmost thing (0–1), sampled on a grid. */
  uncoveredShare: number;
  /** The lon/lat points given that something covers, or that lie off the map. */
  hiddenPoints: [number, number][];
}

/**
 * How much of the map a person can see with the panels open: every `stepPixels` across the map
 * area, is the map's canvas the topmost element there, or a panel, a control, the timeline? And
 * is each of `points` (a project's vertices) on show?
 */
export function mapVisibility(page: Page, points: [number, number][], stepPixels = 8): Promise<MapVisibility> {
  return page.evaluate(({ lonLats, step }) => {
    const map = (window as unknown as { planMap: { getCanvas(): HTMLCanvasElement; project(p: [number, number]): { x: number; y: number } } }).planMap;
    const canvas = map.getCanvas();
    const area = canvas.closest('.map-area')?.getBoundingClientRect() ?? canvas.getBoundingClientRect();
    const canvasBox = canvas.getBoundingClientRect();
    const showsMap = (x: number, y: number) => document.elementFromPoint(x, y) === canvas;
    let shown = 0;
    let total = 0;
    for (let y = area.top + step / 2; y < area.bottom; y += step) {
      for (let x = area.left + step / 2; x < area.right; x += step) {
        total += 1;
        if (showsMap(x, y)) shown += 1;
      }
    }
    const hiddenPoints = lonLats.filter((lonLat) => {
      const point = map.project(lonLat);
      return !showsMap(canvasBox.left + point.x, canvasBox.top + point.y);
    });
    return { uncoveredShare: total === 0 ? 0 : shown / total, hiddenPoints };
  }, { lonLats: points, step: stepPixels });
}
