import { useMemo } from 'react';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { DayGroup } from '../../domain/progress/targetSeriesFromDays';
import type { TargetSeriesSource } from '../../domain/progress/targetSeriesOf';

/**
 * Per layer id, what its targets' charts are drawn from: a tiled layer's changes per day when the
 * server has sent them, otherwise the layer's projects. One object per input, so a chart computes
 * its series again only when its data changes. A tiled layer without its days yet has no chart.
 */
export function useSeriesSources(
  definitions: readonly LayerDefinition[],
  layers: readonly MeasuredLayer[],
  tiledIds: ReadonlySet<string>,
  tiledDays: ReadonlyMap<string, readonly DayGroup[]>,
): ReadonlyMap<string, TargetSeriesSource> {
  return useMemo(() => {
    const sources = new Map<string, TargetSeriesSource>();
    for (const definition of definitions) {
      const days = tiledDays.get(definition.id);
      if (tiledIds.has(definition.id)) {
        if (days) sources.set(definition.id, { kind: 'days', definition, days });
        continue;
      }
      const layer = layers.find((candidate) => candidate.definition.id === definition.id);
      if (layer) sources.set(definition.id, { kind: 'layer', layer });
    }
    return sources;
  }, [definitions, layers, tiledIds, tiledDays]);
}
