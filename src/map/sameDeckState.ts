import type { PlanDeckState } from './planDeckLayers';

type FeatureRefLike = { layerId: string; featureId: string } | undefined;

const sameRef = (a: FeatureRefLike, b: FeatureRefLike) => a?.layerId === b?.layerId && a?.featureId === b?.featureId;

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, index) => same(item, b[index] as T));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

function sameFilters(a: PlanDeckState['filters'], b: PlanDeckState['filters']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => {
    const x = a[key];
    const y = b[key];
    return x === y || (x !== undefined && y !== undefined && sameList(x.statuses, y.statuses, Object.is) && sameList(x.streets, y.streets, Object.is) && x.features === y.features);
  });
}

function sameTiled(a: PlanDeckState['tiled'], b: PlanDeckState['tiled']): boolean {
  if (a === b) return true;
  if (!a || !b || !sameSet(a.ids, b.ids)) return false;
  const keys = new Set([...Object.keys(a.versions), ...Object.keys(b.versions)]);
  return [...keys].every((key) => a.versions[key] === b.versions[key]);
}

/**
 * Whether two states draw the same map. A filter click reaches the map twice, at once (the view
 * preview) and when React has rendered the panels; the second must not cost another frame, a
 * full redraw in software GL.
 */
export function sameDeckState(a: PlanDeckState, b: PlanDeckState): boolean {
  return a.definitions === b.definitions
    && a.layers === b.layers
    && a.complete === b.complete
    && sameSet(a.visibleLayerIds, b.visibleLayerIds)
    && sameFilters(a.filters, b.filters)
    && sameRef(a.selected, b.selected)
    && sameList(a.highlighted, b.highlighted, (x, y) => sameRef(x, y))
    && a.theme === b.theme
    && a.asOfDate === b.asOfDate
    && a.compareAsOfDate === b.compareAsOfDate
    && (a.pointScale ?? 1) === (b.pointScale ?? 1)
    && sameList(a.pointBox, b.pointBox, Object.is)
    && sameTiled(a.tiled, b.tiled);
}
