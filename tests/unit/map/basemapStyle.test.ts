import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapStyle, FIRST_LABEL_LAYER_ID, VECTOR_SOURCE_ID, type BasemapOptions } from '../../../src/map/basemapStyle';

const BASE: BasemapOptions = { basemapUrl: 'http://127.0.0.1:1/geodata/basemap', fontUrl: 'http://127.0.0.1:1/fonts', basemap: 'offline' };
const VECTOR = { url: 'http://127.0.0.1:1/geodata/basemap/district.pmtiles' };

function paintOf(style: ReturnType<typeof basemapStyle>, id: string): Record<string, unknown> {
  const layer = style.layers.find((candidate) => candidate.id === id);
  return layer && 'paint' in layer ? (layer.paint as Record<string, unknown>) : {};
}

describe('the basemap style', () => {
  for (const schema of ['protomaps', 'openmaptiles'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`draws a ${schema} PMTiles archive in the ${theme} theme, valid, offline and labels above the plan layers`, () => {
        const style = basemapStyle({ ...BASE, theme, vectorTiles: { ...VECTOR, schema } });
        expect(validateStyleMin(style)).toEqual([]);
        expect(style.sources[VECTOR_SOURCE_ID]).toEqual({ type: 'vector', url: `pmtiles://${VECTOR.url}` });
        // No glyphs and no sprite: labels come from local fonts, and nothing is fetched from elsewhere.
        expect(style.glyphs).toBeUndefined();
        expect(style.sprite).toBeUndefined();
        expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
        expect(style.layers.some((layer) => layer.type === 'symbol' && layer.layout && 'icon-image' in layer.layout)).toBe(false);
        const ids = style.layers.map((layer) => layer.id);
        expect(new Set(ids).size).toBe(ids.length);
        const firstLabel = ids.indexOf(FIRST_LABEL_LAYER_ID);
        const vectorIds = style.layers.flatMap((layer, index) => ('source' in layer && layer.source === VECTOR_SOURCE_ID ? [index] : []));
        expect(vectorIds.some((index) => index < firstLabel)).toBe(true);
        expect(style.layers.some((layer, index) => index > firstLabel && layer.type === 'symbol' && 'source' in layer && layer.source === VECTOR_SOURCE_ID)).toBe(true);
        for (const own of ['district-boundary', 'streets-boundary', 'label-district', 'label-streets']) expect(ids, own).toContain(own);
        // The GeoJSON basemap's land and water are not drawn over the archive.
        expect(ids).not.toContain('district-land');
      });
    }
  }

  it('uses a dark vector basemap in the dark theme', () => {
    const light = basemapStyle({ ...BASE, vectorTiles: { ...VECTOR, schema: 'protomaps' } });
    const dark = basemapStyle({ ...BASE, theme: 'dark', vectorTiles: { ...VECTOR, schema: 'protomaps' } });
    expect(paintOf(light, 'vector-earth')['fill-color']).not.toEqual(paintOf(dark, 'vector-earth')['fill-color']);
  });

  it('keeps the GeoJSON basemap without an archive, and the online basemaps over an archive', () => {
    expect(basemapStyle(BASE).sources[VECTOR_SOURCE_ID]).toBeUndefined();
    const osm = basemapStyle({ ...BASE, basemap: 'osm', vectorTiles: { ...VECTOR, schema: 'protomaps' } });
    expect(osm.sources[VECTOR_SOURCE_ID]).toBeUndefined();
    expect(osm.sources.online).toBeDefined();
  });
});
