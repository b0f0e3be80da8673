import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LineString, Polygon } from 'geojson';
import { parseLayer } from '../../../../src/data/parseGeodata';
import { parseSubDistricts } from '../../../../src/data/parseSubDistricts';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { lengthMeters } from '../../../../src/domain/measure/lengthMeters';
import { streetOfShape, type SubDistrict } from '../../../../src/domain/streets/streetOfShape';

const GEODATA = join(import.meta.dirname, '..', '..', '..', '..', 'geodata');

function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

/** Two sub-districts side by side, split at 102.70°E, and a third one apart to the north. */
const WEST: SubDistrict = { name: '西街道', geometry: rectangle(102.69, 24.99, 102.70, 25.00) };
const EAST: SubDistrict = { name: '东街道', geometry: rectangle(102.70, 24.99, 102.71, 25.00) };
const NORTH: SubDistrict = { name: '北街道', geometry: { type: 'MultiPolygon', coordinates: [rectangle(102.69, 25.01, 102.71, 25.02).coordinates] } };
const STREETS = [WEST, EAST, NORTH];

describe('streetOfShape', () => {
  it('names the sub-district a parcel lies in, all of it', () => {
    expect(streetOfShape(rectangle(102.702, 24.992, 102.704, 24.994), STREETS)).toEqual({ street: '东街道', shareOfShape: 1 });
    expect(streetOfShape(rectangle(102.695, 25.012, 102.697, 25.014), STREETS)?.street).toBe('北街道');
  });

  it('names the sub-district that holds most of the area of a parcel across a boundary, with that share', () => {
    // 0.003° of the width west of the boundary, 0.007° east of it: 30 % and 70 %.
    const parcel = rectangle(102.697, 24.993, 102.707, 24.996);
    const found = streetOfShape(parcel, STREETS);
    expect(found?.street).toBe('东街道');
    expect(found?.shareOfShape).toBeCloseTo(0.7, 3);
    const mirrored = streetOfShape(rectangle(102.693, 24.993, 102.703, 24.996), STREETS);
    expect(mirrored?.street).toBe('西街道');
  });

  it('names the sub-district that holds most of the length of a road, however many times it crosses', () => {
    // West 0.008° of longitude, east 0.003°, 0.001° north and 0.003° back, then 0.002° west again.
    const road: LineString = { type: 'LineString', coordinates: [[102.692, 24.995], [102.703, 24.995], [102.703, 24.996], [102.698, 24.996]] };
    const found = streetOfShape(road, STREETS);
    expect(found?.street).toBe('西街道');
    const west = lengthMeters({ type: 'LineString', coordinates: [[102.692, 24.995], [102.700, 24.995]] })
      + lengthMeters({ type: 'LineString', coordinates: [[102.700, 24.996], [102.698, 24.996]] });
    expect(found?.shareOfShape).toBeCloseTo(west / lengthMeters(road), 3);
    const eastward: LineString = { type: 'LineString', coordinates: [[102.699, 24.995], [102.708, 24.995]] };
    expect(streetOfShape(eastward, STREETS)?.street).toBe('东街道');
    expect(streetOfShape({ type: 'MultiLineString', coordinates: [eastward.coordinates, [[102.69, 25.015], [102.71, 25.015]]] }, STREETS)?.street).toBe('北街道');
  });

  it('names none for a shape outside every sub-district, or in the gap between them', () => {
    expect(streetOfShape(rectangle(102.72, 24.99, 102.73, 25.00), STREETS)).toBeUndefined();
    expect(streetOfShape(rectangle(102.695, 25.002, 102.705, 25.008), STREETS)).toBeUndefined();
    expect(streetOfShape({ type: 'LineString', coordinates: [[102.695, 25.005], [102.705, 25.005]] }, STREETS)).toBeUndefined();
    expect(streetOfShape(rectangle(102.702, 24.992, 102.704, 24.994), [])).toBeUndefined();
  });

  it('counts only the part inside for a parcel reaching out of the district', () => {
    const parcel = rectangle(102.705, 24.992, 102.715, 24.994);
    const found = streetOfShape(parcel, STREETS);
    expect(found?.street).toBe('东街道');
    expect(found?.shareOfShape).toBeCloseTo(areaSquareMeters(rectangle(102.705, 24.992, 102.71, 24.994)) / areaSquareMeters(parcel), 6);
  });

  it('gives every project of the sample district the sub-district its data records, from the basemap\'s boundaries', () => {
    const subDistricts = parseSubDistricts(readFileSync(join(GEODATA, 'basemap', 'streets.geojson'), 'utf8'));
    expect(subDistricts.map((subDistrict) => subDistrict.name)).toEqual(['海埂街道', '福海街道', '金湖街道', '云溪街道', '太和街道', '凤鸣街道']);
    for (const layerId of ['urban-villages', 'roads']) {
      const { features } = parseLayer(readFileSync(join(GEODATA, `${layerId}.geojson`), 'utf8'), `${layerId}.geojson`);
      const recorded = features.map((feature) => [feature.id, feature.properties.street]);
      const found = features.map((feature) => [feature.id, feature.geometry ? streetOfShape(feature.geometry, subDistricts)?.street : undefined]);
      expect(found).toEqual(recorded);
    }
  });
});
