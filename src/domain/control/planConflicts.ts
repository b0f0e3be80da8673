import type { MeasuredLayer } from '../measure/measuredLayer';
import { geometryFromColumns } from '../columns/geometryFromColumns';
import { controlConflicts, type ControlConflict } from './controlConflicts';
import type { ControlLineShape } from './controlLineShape';
import { controlLinesFor } from './controlLinesFor';

/** A project of a plan layer and one control line it conflicts with. */
export interface ProjectConflict extends ControlConflict {
  layerId: string;
  featureId: string;
  featureIndex: number;
  name: string;
}

/**
 * Every conflict of every project with the lines that constrain its layer, grouped by control line in the manifest's order, each group
 * in layer and feature order. A layer whose features have not arrived is read from its drawn
 * columns (to about a centimetre), so the list never waits for the features' text.
 */
export function planConflicts(layers: readonly MeasuredLayer[], shapes: readonly ControlLineShape[]): ProjectConflict[] {
  if (shapes.length === 0) return [];
  const byLine = new Map<string, ProjectConflict[]>(shapes.map((shape) => [shape.definition.id, []]));
  for (const layer of layers) {
    const columns = layer.featuresLoaded ? undefined : layer.geometry;
    const constraining = controlLinesFor(layer.definition.id, shapes);
    for (let featureIndex = 0; featureIndex < layer.featureCount; featureIndex++) {
      const geometry = columns ? geometryFromColumns(columns, featureIndex) : layer.featureAt(featureIndex)?.geometry;
      for (const conflict of controlConflicts(geometry, constraining)) {
        byLine.get(conflict.controlLineId)?.push({
          ...conflict,
          layerId: layer.definition.id,
          featureId: layer.idAt(featureIndex) ?? '',
          featureIndex,
          name: layer.nameAt(featureIndex),
        });
      }
    }
  }
  return [...byLine.values()].flat();
}
