import type { LayerGroups } from '../progress/layerGroups';
import type { MeasuredLayer } from '../measure/measuredLayer';

/**
 * Every named sub-district in the layers and in the tiled layers' groups, in Chinese collation
 * order, for the sub-district filter.
 */
export function streetsOf(layers: readonly MeasuredLayer[], tiledGroups: ReadonlyMap<string, LayerGroups> = new Map()): string[] {
  const streets = new Set<string>();
  for (const layer of layers) for (const street of layer.columns.streets) if (street.length > 0) streets.add(street);
  for (const { groups } of tiledGroups.values()) for (const { street } of groups) if (street.length > 0) streets.add(street);
  return [...streets].sort((left, right) => left.localeCompare(right, 'zh-CN'));
}
