/** Input rules B1–B12 (docs/input-rules.md): RFC 7946 structure, with messages that name the value and the fix. */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { inputCaseBytes, validateInputCase } from '../../../support/inputCases';

const firstProblem = (name: string) => {
  const problem = validateInputCase(name).problems[0];
  if (!problem) throw new Error(`${name}: no problem`);
  return problem;
};

describe('B1: the root', () => {
  it('names a lower-case type and the spelling it needs', () => {
    expect(firstProblem('B1-type-lowercase').message.en).toBe('types are case-sensitive: write "FeatureCollection", not "featurecollection"');
  });

  it('names an unknown type', () => {
    expect(firstProblem('B1-type-rhombus').message.en).toContain('unknown GeoJSON type "Rhombus"');
  });

  it('refuses a root that is not an object', () => {
    expect(firstProblem('B1-root-array').message.en).toContain('got an array of 1');
  });
});

describe('B2: features', () => {
  it('reports an empty FeatureCollection with its own code, so a caller can ask for confirmation', () => {
    const report = validateInputCase('B2-empty');
    expect(report.problems.map((problem) => problem.code)).toEqual(['NO_FEATURES']);
    expect(report.collection?.features).toEqual([]);
  });
});

describe('B3, B4: properties and geometry may be null but must be present', () => {
  it('quotes check-geojson: the properties member is missing', () => {
    expect(firstProblem('B3-properties-missing').message.en).toContain('the "properties" member is missing');
  });

  it('keeps a feature without geometry as a row that measures 0', () => {
    const report = validateInputCase('B4-geometry-null');
    expect(report.problems).toEqual([]);
    const unmapped = report.collection?.features[1];
    expect(unmapped?.properties?.name).toBe('未落图项目');
    expect(unmapped?.geometry).toBeNull();
    expect(areaSquareMeters(unmapped?.geometry)).toBe(0);
  });
});

describe('B5: ids', () => {
  it('says what an id may be', () => {
    expect(firstProblem('B5-id-object').message.en).toContain('a feature id must be a string or a number, got an object');
  });

  it('names the feature that first used a duplicated id', () => {
    const problem = firstProblem('B5-duplicate-ids');
    expect(problem).toMatchObject({ code: 'DUPLICATE_ID', featureIndex: 1, featureId: 'UV-A', featureName: '另一块' });
    expect(problem.message.en).toBe('feature 2 (id "UV-A", "另一块"): id "UV-A" is already used by feature 1; every feature needs its own id');
  });
});

describe('B7–B9: positions', () => {
  it('names the position with a wrong number of values', () => {
    expect(firstProblem('B7-position-one-element').message.en).toContain('Polygon.coordinates[0][2] has 1 numbers');
  });

  it('refuses numbers written as strings, never coercing them', () => {
    expect(firstProblem('B7-string-numbers').message.en).toContain('Polygon.coordinates[0][1][0] is "102.705"; coordinates must be numbers');
  });

  it('keeps an elevation of 0 as it is', () => {
    const report = validateInputCase('B7-3d-z-zero');
    expect(report.problems).toEqual([]);
    const ring = (report.collection?.features[0]?.geometry as Polygon).coordinates[0];
    expect(ring?.every((position) => position.length === 3 && position[2] === 0)).toBe(true);
  });

  it('says a ring passed as the coordinates is "a position, expected a ring"', () => {
    expect(firstProblem('B8-polygon-one-level-shallow').message.en).toContain('Polygon.coordinates[0] is a position, expected a ring');
  });

  it('recognises MultiPolygon coordinates in a Polygon', () => {
    expect(firstProblem('B8-multipolygon-as-polygon').message.en).toContain('(are these MultiPolygon coordinates?)');
  });

  it('refuses encoded coordinates', () => {
    expect(firstProblem('B9-encoded-coordinates').message.en).toContain('coordinates must be arrays of numbers');
  });
});

describe('B10: geometry kind against the layer', () => {
  it('accepts a LineString for the road layer and refuses it for a parcel layer', () => {
    expect(validateInputCase('B10-linestring-on-road-layer').problems).toEqual([]);
    expect(firstProblem('B10-linestring-on-polygon-layer').message.en).toContain('the layer "Urban villages" takes polygons (Polygon, MultiPolygon), got LineString');
    expect(firstProblem('B10-linestring-on-polygon-layer').message.zh).toContain('图层“城中村”只接受面');
  });

  it('accepts the same mixed file when no layer is named (everything but the layer rules)', () => {
    expect(validateGeoJson(inputCaseBytes('B10-linestring-on-polygon-layer')).problems).toEqual([]);
  });
});

describe('B11: bbox', () => {
  it('recomputes a bbox that disagrees with the coordinates and warns', () => {
    const report = validateInputCase('B11-bbox-disagrees');
    expect(report.collection?.bbox).toEqual([102.7, 25, 102.705, 25.005]);
    expect(report.warnings[0]?.message.en).toContain('recomputed as [102.7, 25, 102.705, 25.005]');
  });
});

describe('B12: foreign members survive a round trip', () => {
  it('keeps generator, timestamp, @id and a feature member, and validates its own output unchanged', () => {
    const report = validateInputCase('B12-foreign-members');
    expect(report.collection).toMatchObject({ generator: 'QGIS 3.34', timestamp: '2025-06-01T08:00:00Z' });
    expect(report.collection?.features[0]).toMatchObject({ source: 'survey 2025', properties: { '@id': 'way/123' } });
    const again = validateGeoJson(JSON.stringify(report.collection));
    expect(again.problems).toEqual([]);
    expect(again.collection).toEqual(report.collection);
  });
});
