import type { ControlLineShape } from './controlLineShape';

/**
 * The control lines that constrain a plan layer: all but those that exempt it. Restoring a quarry
 * inside the ecological red line, or a river reach crossing farmland, is what those lines are for.
 */
export function controlLinesFor(layerId: string, shapes: readonly ControlLineShape[]): readonly ControlLineShape[] {
  return shapes.some((shape) => shape.definition.exempt?.includes(layerId)) ? shapes.filter((shape) => !shape.definition.exempt?.includes(layerId)) : shapes;
}
