import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { roundedCoordinates } from '../../../../src/domain/import/roundedCoordinates';

describe('coordinates of a reprojected import', () => {
  it('keep 7 decimals of a degree (about 1 cm), as the RFC 7946 export writes them, in every geometry type', () => {
    const long = 102.70412345678901;
    const geometries: Geometry[] = [
      { type: 'Point', coordinates: [long, 24.99123456789] },
      { type: 'LineString', coordinates: [[long, 24.99123456789], [102.7, 25.000000049]] },
      { type: 'Polygon', coordinates: [[[long, 24.9], [102.8, 24.9], [102.8, 25.00000005], [long, 24.9]]] },
      { type: 'MultiPolygon', coordinates: [[[[long, 24.9], [102.8, 24.9], [102.8, 25], [long, 24.9]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'MultiPoint', coordinates: [[long, -0.00000001]] }] },
    ];
    const collection: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [...geometries, null].map((geometry, index) => ({ type: 'Feature', id: `F-${index}`, properties: { name: 'x' }, geometry })),
    };
    const text = JSON.stringify(roundedCoordinates(collection));
    expect(text).not.toMatch(/\d\.\d{8,}/);
    expect(text).toContain('[102.7041235,24.9912346]');
    expect(text).toContain('25.0000001');
    expect(text).toContain('[102.7041235,0]');
    const rounded = roundedCoordinates(collection);
    expect(rounded.features.map((feature) => [feature.id, feature.properties])).toEqual(collection.features.map((feature) => [feature.id, feature.properties]));
    expect(rounded.features[5]?.geometry).toBeNull();
    // The input is left as it was.
    expect(collection.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [long, 24.99123456789] });
  });
});
