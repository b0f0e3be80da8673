import { largestFreeRectangle } from './largestFreeRectangle';

/** Marks a panel that floats over the present-mode map; the camera keeps scenes out from under it. */
export const COVERS_MAP_ATTRIBUTE = 'data-covers-map';

export interface MapPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A scene shows its subject with its surroundings: a long, thin road is placed as if it were at
 * most twice as wide as tall, so it goes to the large free part of the map, not to a thin strip
 * beside a panel where it would just fit.
 */
const MOST_ELONGATED = 2;

/**
 * The padding that keeps a box of the given shape in the largest free part of the map, measured
 * from the panels on screen now (whatever their size, however the screen is laid out), with a
 * margin of 3 % of the free part so a scene never touches a panel's edge.
 */
export function mapFreePadding(map: HTMLElement, boxShape: { width: number; height: number }): MapPadding {
  const ratio = Math.min(MOST_ELONGATED, Math.max(1 / MOST_ELONGATED, boxShape.width / Math.max(boxShape.height, Number.EPSILON)));
  const aspect = { width: ratio, height: 1 };
  const frame = map.getBoundingClientRect();
  const panels = [...document.querySelectorAll(`[${COVERS_MAP_ATTRIBUTE}]`)].map((element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left - frame.left, top: box.top - frame.top, right: box.right - frame.left, bottom: box.bottom - frame.top };
  });
  const free = largestFreeRectangle(frame.width, frame.height, panels, aspect)
    ?? { left: 0, top: 0, right: frame.width, bottom: frame.height };
  const margin = 0.03 * Math.min(free.right - free.left, free.bottom - free.top);
  return {
    top: free.top + margin,
    bottom: frame.height - free.bottom + margin,
    left: free.left + margin,
    right: frame.width - free.right + margin,
  };
}

/** A lon/lat box's shape on a Web Mercator map: width and height in the same (unscaled) units. */
export function mercatorAspect(bounds: readonly [number, number, number, number]): { width: number; height: number } {
  const mercatorY = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));
  return {
    width: ((bounds[2] - bounds[0]) * Math.PI) / 180,
    height: mercatorY(bounds[3]) - mercatorY(bounds[1]),
  };
}
