import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { namedAreasBounds } from '../../../../src/domain/streets/namedAreasBounds';

const streets = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../geodata/basemap/streets.geojson'), 'utf8')) as FeatureCollection;

describe('namedAreasBounds: where the chosen sub-districts are', () => {
  it('is the box of one sub-district, inside the district, and grows to hold two', () => {
    const one = namedAreasBounds(streets, ['金湖街道']);
    const two = namedAreasBounds(streets, ['金湖街道', '云溪街道']);
    if (!one || !two) throw new Error('the sample basemap has both sub-districts');
    expect(one[0]).toBeLessThan(one[2]);
    expect(one[1]).toBeLessThan(one[3]);
    expect(two[0]).toBeLessThanOrEqual(one[0]);
    expect(two[3]).toBeGreaterThan(one[3]);
    const district = namedAreasBounds(streets, streets.features.map((feature) => String(feature.properties?.name)));
    expect(district?.[0]).toBeLessThanOrEqual(two[0]);
    expect(district?.[2]).toBeGreaterThanOrEqual(two[2]);
  });

  it('is null for names no area has', () => {
    expect(namedAreasBounds(streets, ['不存在街道'])).toBeNull();
    expect(namedAreasBounds(streets, [])).toBeNull();
  });
});
