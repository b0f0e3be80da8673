/** A rectangle on screen, in CSS pixels from the map's top-left corner. */
export interface ScreenRectangle {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: ScreenRectangle, b: ScreenRectangle): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The free part of a map that panels float over, where a box of the given shape would be drawn
 * largest: among rectangles whose edges lie on the map's or the panels' edges and that no panel
 * covers, the one maximizing min(width / aspectWidth, height / aspectHeight). A few panels give
 * a few thousand candidates at most. Null when panels cover everything.
 */
export function largestFreeRectangle(
  width: number,
  height: number,
  panels: readonly ScreenRectangle[],
  aspect: { width: number; height: number },
): ScreenRectangle | null {
  const inside = panels
    .map((panel) => ({ left: Math.max(0, panel.left), top: Math.max(0, panel.top), right: Math.min(width, panel.right), bottom: Math.min(height, panel.bottom) }))
    .filter((panel) => panel.right > panel.left && panel.bottom > panel.top);
  const lefts = [0, ...inside.map((panel) => panel.right)];
  const rights = [width, ...inside.map((panel) => panel.left)];
  const tops = [0, ...inside.map((panel) => panel.bottom)];
  const bottoms = [height, ...inside.map((panel) => panel.top)];
  const aspectWidth = Math.max(aspect.width, Number.EPSILON);
  const aspectHeight = Math.max(aspect.height, Number.EPSILON);
  let best: ScreenRectangle | null = null;
  let bestScale = 0;
  let bestArea = 0;
  for (const left of lefts) {
    for (const right of rights) {
      if (right <= left) continue;
      for (const top of tops) {
        for (const bottom of bottoms) {
          if (bottom <= top) continue;
          const candidate = { left, top, right, bottom };
          const scale = Math.min((right - left) / aspectWidth, (bottom - top) / aspectHeight);
          const area = (right - left) * (bottom - top);
          // Equal scales: the larger area leaves the box more room around it.
          if (scale < bestScale || (scale === bestScale && area <= bestArea)) continue;
          if (inside.some((panel) => overlaps(candidate, panel))) continue;
          best = candidate;
          bestScale = scale;
          bestArea = area;
        }
      }
    }
  }
  return best;
}
