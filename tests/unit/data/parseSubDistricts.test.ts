import { describe, expect, it } from 'vitest';
import { parseSubDistricts } from '../../../src/data/parseSubDistricts';

const ring = [[102.69, 24.99], [102.70, 24.99], [102.70, 25.00], [102.69, 24.99]];

describe('parseSubDistricts', () => {
  it('keeps each named polygon of a district\'s own basemap and leaves out what names no area', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: ' 海埂街道 ' }, geometry: { type: 'Polygon', coordinates: [ring] } },
        { type: 'Feature', properties: { name: '福海街道' }, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } },
        { type: 'Feature', properties: { name: '标注' }, geometry: { type: 'Point', coordinates: [102.69, 24.99] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
        { type: 'Feature', properties: { name: '断环' }, geometry: { type: 'Polygon', coordinates: [ring.slice(0, 3)] } },
        null,
      ],
    });
    expect(parseSubDistricts(text).map((subDistrict) => [subDistrict.name, subDistrict.geometry.type])).toEqual([['海埂街道', 'Polygon'], ['福海街道', 'MultiPolygon']]);
  });

  it('names the file when it is not a feature collection', () => {
    expect(() => parseSubDistricts('{"type":')).toThrow(/basemap\/streets\.geojson/);
    expect(() => parseSubDistricts('{"type":"FeatureCollection"}')).toThrow(/basemap\/streets\.geojson: \/features/);
  });
});
