import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayer, parseManifest } from '../../../../src/data/parseGeodata';
import { layerPartsFromText } from '../../../../src/data/layerPartsFromText';
import { measuredLayerFromParts } from '../../../../src/domain/measure/measuredLayer';
import { searchFeatures } from '../../../../src/domain/browse/searchFeatures';
import { layerFeatureBounds } from '../../../../src/domain/measure/featureBounds';
import { sceneCameraTarget } from '../../../../src/ui/present/sceneCameraTarget';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'points');
const manifest = parseManifest(readFileSync(join(FIXTURES, 'layers.json'), 'utf8'));
const [definition] = manifest.layers;

function facilities() {
  if (!definition) throw new Error('the fixture has a layer');
  const text = readFileSync(join(FIXTURES, 'facilities.geojson'), 'utf8');
  expect(parseLayer(text, 'facilities.geojson').features).toHaveLength(5);
  // As the page holds a server-prepared layer before its features' text arrives: geometry from columns only.
  const { featureText: _text, ...parts } = layerPartsFromText(definition, text, 'facilities.geojson');
  return measuredLayerFromParts(definition, { ...parts, featureText: null });
}

describe('the camera on points', () => {
  const layer = facilities();
  const scene = { id: 'facilities', title: { zh: '设施', en: 'Facilities' }, caption: { zh: '', en: '' } };

  it('fits a tour scene to the points it highlights, a single point being a box of no size', () => {
    expect(sceneCameraTarget({ ...scene, highlight: [{ layer: 'facilities', id: 'fac-001' }] }, [layer], manifest.district.bounds)).toEqual({ bounds: [102.7001, 24.9501, 102.7001, 24.9501].map((value) => expect.closeTo(value, 6)) });
    const both = sceneCameraTarget({ ...scene, highlight: [{ layer: 'facilities', id: 'fac-001' }, { layer: 'facilities', id: 'fac-005' }] }, [layer], manifest.district.bounds);
    expect('bounds' in both ? both.bounds.map((value) => Number(value.toFixed(4))) : []).toEqual([102.7001, 24.9501, 102.76, 24.99]);
  });

  it('finds a point by name and knows where to fly', () => {
    const [hit] = searchFeatures([{ layerId: 'facilities', ...layer.keys() }], '设施5');
    expect(hit?.featureId).toBe('fac-005');
    expect(layerFeatureBounds(layer, layer.indexOfId('fac-005'))?.map((value) => Number(value.toFixed(6)))).toEqual([102.76, 24.99, 102.76, 24.99]);
  });
});
