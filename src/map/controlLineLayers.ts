import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { ControlLineDefinition } from '../domain/control/controlLineContract';
import type { LocalizedText } from '../domain/plan/manifest';

/** A control line as the basemap style draws it: its file's address and whether it is shown. */
export interface ControlLineDrawing {
  id: string;
  /** For the legend of an exported picture. */
  name?: LocalizedText;
  color: string;
  style: ControlLineDefinition['style'];
  /** The control-line file, e.g. https://host/geodata/eco-red-line.geojson (MapLibre fetches it). */
  url: string;
  visible: boolean;
}

/** The image a hatched control line fills with (hatchPattern.ts draws it when the style asks). */
export const HATCH_IMAGE_PREFIX = 'control-hatch-';

export function hatchImageId(color: string): string {
  return `${HATCH_IMAGE_PREFIX}${color.replace('#', '').toLowerCase()}`;
}

const sourceId = (id: string): string => `control-${id}`;

/**
 * Sources and style layers of the control lines, to go above the basemap and under the plan
 * layers (deck.gl inserts those before the first label, after these): an outline is a dashed
 * line in the line's colour; a hatch is a diagonal-line pattern fill with a thin edge.
 */
export function controlLineLayers(lines: readonly ControlLineDrawing[]): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  for (const line of lines) {
    const source = sourceId(line.id);
    sources[source] = { type: 'geojson', data: line.url };
    const layout = { visibility: line.visible ? ('visible' as const) : ('none' as const) };
    if (line.style === 'hatch')
      layers.push({ id: `${source}-hatch`, type: 'fill', source, layout, paint: { 'fill-pattern': hatchImageId(line.color), 'fill-opacity': 0.55 } });
    layers.push({
      id: `${source}-line`,
      type: 'line',
      source,
      layout: { ...layout, 'line-join': 'round' },
      paint: line.style === 'hatch'
        ? { 'line-color': line.color, 'line-width': 1.2, 'line-opacity': 0.8 }
        : { 'line-color': line.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 2.5], 'line-dasharray': [4, 2] },
    });
  }
  return { sources, layers };
}
