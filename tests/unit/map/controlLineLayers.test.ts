import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapStyle, FIRST_LABEL_LAYER_ID, type BasemapOptions } from '../../../src/map/basemapStyle';

const BASE: BasemapOptions = { basemapUrl: 'http://127.0.0.1:1/geodata/basemap', fontUrl: 'http://127.0.0.1:1/fonts', basemap: 'offline' };
const controlLines: BasemapOptions['controlLines'] = [
  { id: 'eco-red-line', color: '#C62828', style: 'hatch', url: 'http://127.0.0.1:1/geodata/eco-red-line.geojson', visible: true },
  { id: 'urban-boundary', color: '#6a1b9a', style: 'outline', url: 'http://127.0.0.1:1/geodata/urban-boundary.geojson', visible: false },
];

describe('control lines in the basemap style', () => {
  for (const basemap of ['offline', 'osm'] as const) {
    it(`lie above the ${basemap} basemap and under the labels, where deck.gl puts the plan layers over them`, () => {
      const style = basemapStyle({ ...BASE, basemap, controlLines });
      expect(validateStyleMin(style)).toEqual([]);
      const ids = style.layers.map((layer) => layer.id);
      const controlIds = ids.filter((id) => id.startsWith('control-'));
      expect(controlIds).toEqual(['control-eco-red-line-hatch', 'control-eco-red-line-line', 'control-urban-boundary-line']);
      const firstLabel = ids.indexOf(FIRST_LABEL_LAYER_ID);
      expect(controlIds.every((id) => ids.indexOf(id) < firstLabel && ids.indexOf(id) > ids.indexOf('district-boundary'))).toBe(true);
    });
  }

  it('hatch with a pattern named by colour, dash an outline, and hide what the view hides', () => {
    const style = basemapStyle({ ...BASE, controlLines });
    const layer = (id: string) => style.layers.find((candidate) => candidate.id === id);
    expect(layer('control-eco-red-line-hatch')).toMatchObject({ type: 'fill', paint: { 'fill-pattern': 'control-hatch-c62828' }, layout: { visibility: 'visible' } });
    expect(layer('control-urban-boundary-line')).toMatchObject({ type: 'line', paint: { 'line-color': '#6a1b9a', 'line-dasharray': [4, 2] }, layout: { visibility: 'none' } });
    expect(style.sources['control-urban-boundary']).toEqual({ type: 'geojson', data: 'http://127.0.0.1:1/geodata/urban-boundary.geojson' });
  });
});
