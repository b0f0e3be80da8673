import type { Page } from 'playwright-core';

/** Where a scene's subject is on screen, and what covers the map, in CSS pixels from the map's corner. */
export interface SceneOnScreen {
  moving: boolean;
  zoom: number;
  mapWidth: number;
  mapHeight: number;
  /** The subject's box ([west, south, east, north] projected), or its centre point as a zero box. */
  subject: { left: number; top: number; right: number; bottom: number };
  /** Panels over the map that the subject's box runs under (class names). */
  coveredBy: string[];
}

/** Projects a lon/lat box (or a point) with the page's own map, and lists the panels over it. */
export function sceneOnScreen(page: Page, target: { bounds: [number, number, number, number] } | { center: [number, number] }): Promise<SceneOnScreen> {
  return page.evaluate((subject) => {
    const map = (window as unknown as {
      planMap: {
        project(lngLat: [number, number]): { x: number; y: number };
        isMoving(): boolean;
        getZoom(): number;
        getContainer(): HTMLElement;
      };
    }).planMap;
    const frame = map.getContainer().getBoundingClientRect();
    const corners = 'bounds' in subject
      ? [[subject.bounds[0], subject.bounds[1]], [subject.bounds[2], subject.bounds[3]]] as [number, number][]
      : [subject.center, subject.center];
    const points = corners.map((corner) => map.project(corner));
    const box = {
      left: Math.min(...points.map((point) => point.x)),
      right: Math.max(...points.map((point) => point.x)),
      top: Math.min(...points.map((point) => point.y)),
      bottom: Math.max(...points.map((point) => point.y)),
    };
    const coveredBy = [...document.querySelectorAll('.present-header, .present-actions, .present-kpis, .present-side, .present-footer, .tour-card')]
      .filter((panel) => {
        const rect = panel.getBoundingClientRect();
        const left = rect.left - frame.left;
        const top = rect.top - frame.top;
        const tolerance = 1;
        return box.left < left + rect.width - tolerance && left + tolerance < box.right
          && box.top < top + rect.height - tolerance && top + tolerance < box.bottom;
      })
      .map((panel) => panel.className);
    return { moving: map.isMoving(), zoom: map.getZoom(), mapWidth: frame.width, mapHeight: frame.height, subject: box, coveredBy };
  }, target);
}

/**
 * What a leader needs of a scene: the camera has arrived, the subject lies wholly on the map and
 * under no panel, and it is large (a third of the map's width or height), unless the camera is as
 * close as a scene flies (zoom 16).
 */
export function sceneShownWell(shown: SceneOnScreen, target: { bounds: [number, number, number, number] } | { center: [number, number]; zoom: number }) {
  const { subject } = shown;
  const onMap = subject.left >= -1 && subject.top >= -1 && subject.right <= shown.mapWidth + 1 && subject.bottom <= shown.mapHeight + 1;
  const large = 'bounds' in target
    ? shown.zoom >= 15.99 || (subject.right - subject.left) >= shown.mapWidth / 3 || (subject.bottom - subject.top) >= shown.mapHeight / 3
    : Math.abs(shown.zoom - target.zoom) < 0.01;
  return { settled: !shown.moving, onMap, coveredBy: shown.coveredBy, large };
}
