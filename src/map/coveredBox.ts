import type { Bounds } from '../domain/measure/featureBounds';

/**
 * The box whose points are drawn at the detail zoom: the view grown by one view on each side, so
 * a pan of up to a whole view in any direction stays inside it and needs no new data.
 */
export function coveredBox(view: Bounds): Bounds {
  const width = view[2] - view[0];
  const height = view[3] - view[1];
  return [view[0] - width, view[1] - height, view[2] + width, view[3] + height];
}

/** Whether `view` lies wholly inside `box`: while it does, the points already drawn cover it. */
export function boxCovers(box: Bounds, view: Bounds): boolean {
  return view[0] >= box[0] && view[1] >= box[1] && view[2] <= box[2] && view[3] <= box[3];
}
