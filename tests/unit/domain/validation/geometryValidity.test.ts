/** Input rules D1–D12 (docs/input-rules.md) with JTS IsValidOp semantics; D11 and the time bounds on generated files. */
import type { Feature, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { validFeaturesOnly } from '../../../../src/domain/validation/validFeaturesOnly';
import { inputCaseBytes, validateInputCase } from '../../../support/inputCases';

const X = 102.7;
const Y = 25.0;
const S = 0.005;
const square = (x: number, y: number, size: number): Position[] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

describe('D1–D7: invalid rings are refused with the place to fix', () => {
  it('D1 says which position to append to close the ring', () => {
    expect(validateInputCase('D1-ring-not-closed').problems[0]?.message.en).toBe(
      'feature 1 (id "D1", "未闭合"): the exterior ring is not closed: its last position must equal its first; append [102.7, 25]',
    );
  });

  it('D3 gives the crossing point of a bow-tie and never lets its area through as 0', () => {
    const report = validateInputCase('D3-bow-tie');
    const problem = report.problems[0];
    expect(problem).toMatchObject({ code: 'SELF_INTERSECTION', featureIndex: 1, featureId: 'D3', featureName: '领结' });
    expect(problem?.location?.[0]).toBeCloseTo(X + S / 2, 9);
    expect(problem?.location?.[1]).toBeCloseTo(Y + S / 2, 9);
    const importable = validFeaturesOnly(report);
    expect(importable?.collection.features.map((feature) => feature.id)).toEqual(['UV-A']);
    expect(importable?.rejected.map((rejected) => [rejected.featureIndex, rejected.featureId])).toEqual([[1, 'D3']]);
  });

  it.each([
    ['D4-spike', X + 0.008],
    ['D4-puncture', X + 0.002],
  ])('%s is a self-intersection located where the ring touches or turns back on itself', (name, tipLongitude) => {
    const problem = validateInputCase(name).problems[0];
    expect(problem?.code).toBe('SELF_INTERSECTION');
    // Its base, where the ring touches itself, or its tip, where it doubles back: both are on the line y = Y + 0.002.
    expect(problem?.location?.[1]).toBeCloseTo(Y + 0.002, 12);
    expect([X + S, tipLongitude].map((longitude) => longitude.toFixed(9))).toContain(problem?.location?.[0]?.toFixed(9));
  });

  it('D5 refuses a hole larger than its shell instead of measuring a negative area', () => {
    expect(validateInputCase('D5-hole-larger-than-shell').problems[0]?.message.en).toContain('hole 1 lies outside its exterior ring (or is larger than it)');
  });

  it('D6 accepts a hole touching the shell at one point but not one that cuts the polygon in two', () => {
    expect(validateInputCase('D6-hole-touches-shell-once').problems).toEqual([]);
    expect(validateInputCase('D6-disconnected-interior').problems[0]?.code).toBe('DISCONNECTED_INTERIOR');
  });

  it('D7 accepts parts touching at a point and refuses shared edges, overlaps and nesting', () => {
    expect(validateInputCase('D7-touching-at-point').problems).toEqual([]);
    for (const name of ['D7-shared-edge', 'D7-overlapping-parts', 'D7-nested-part']) expect(validateInputCase(name).problems[0]?.code).toBe('OVERLAPPING_PARTS');
  });
});

describe('D8–D10, D12: what is accepted', () => {
  it('D8 accepts repeated consecutive vertices and keeps them', () => {
    const report = validateInputCase('D8-repeated-vertices');
    expect(report.problems).toEqual([]);
    expect((report.collection?.features[0]?.geometry as Polygon).coordinates[0]).toHaveLength(8);
  });

  it('D9 rewinds to RFC 7946 orientation, warns, and leaves the area identical', () => {
    const original = (JSON.parse(new TextDecoder().decode(inputCaseBytes('D9-clockwise-exterior'))) as { features: Feature<Polygon>[] }).features[0]?.geometry;
    const report = validateInputCase('D9-clockwise-exterior');
    const rewound = report.collection?.features[0]?.geometry as Polygon;
    expect(report.warnings.map((warning) => warning.code)).toEqual(['WINDING_REWOUND']);
    expect(rewound.coordinates[0]).toEqual([...(original?.coordinates[0] ?? [])].reverse());
    expect(rewound.coordinates[1]).toEqual([...(original?.coordinates[1] ?? [])].reverse());
    expect(areaSquareMeters(rewound)).toBe(areaSquareMeters(original));
    // Rewinding what is already right changes nothing.
    expect(validateGeoJson(JSON.stringify(report.collection)).warnings).toEqual([]);
  });

  it('D10 reads empty coordinates as no geometry: area 0, a warning, no crash', () => {
    const report = validateInputCase('D10-empty-coordinates');
    expect(report.problems).toEqual([]);
    expect(report.collection?.features[1]?.geometry).toBeNull();
    expect(areaSquareMeters(report.collection?.features[1]?.geometry)).toBe(0);
  });

  it('D12 leaves overlaps between features to a separate QA report: they are not validity problems', () => {
    expect(validateInputCase('D12-overlapping-features').problems).toEqual([]);
  });
});

/** A layer of `count` squares in a grid inside the district; `broken` maps an index to a bad geometry. */
function manyFeatures(count: number, broken: Record<number, Polygon>): string {
  const features = Array.from({ length: count }, (_, index) => {
    const x = X - 0.07 + (index % 40) * 0.0035;
    const y = Y - 0.06 + Math.floor(index / 40) * 0.0035;
    const geometry: Polygon = broken[index] ?? { type: 'Polygon', coordinates: [square(x, y, 0.003)] };
    return { type: 'Feature', id: `P-${index}`, properties: { name: `地块 ${index}` }, geometry };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('D11: many features, a few invalid', () => {
  it('lists exactly the invalid ones with id and name, and "import valid only" keeps the rest', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[X, Y], [X + S, Y + S], [X + S, Y], [X, Y + S], [X, Y]]] };
    const open: Polygon = { type: 'Polygon', coordinates: [square(X, Y, S).slice(0, 4)] };
    const outsideHole: Polygon = { type: 'Polygon', coordinates: [square(X, Y, S), square(X + 0.01, Y, 0.001).reverse()] };
    const text = manyFeatures(1000, { 17: bowTie, 503: open, 998: outsideHole });
    const report = validateGeoJson(text);
    expect(report.problems.map((problem) => [problem.featureIndex, problem.featureId, problem.featureName, problem.code])).toEqual([
      [17, 'P-17', '地块 17', 'SELF_INTERSECTION'],
      [503, 'P-503', '地块 503', 'RING_NOT_CLOSED'],
      [998, 'P-998', '地块 998', 'HOLE_OUTSIDE_SHELL'],
    ]);
    const importable = validFeaturesOnly(report);
    expect(importable?.collection.features).toHaveLength(997);
    expect(importable?.rejected.map((rejected) => rejected.featureIndex)).toEqual([17, 503, 998]);
  });

  it('offers no "valid only" import when the file as a whole has a problem', () => {
    expect(validFeaturesOnly(validateInputCase('C3-gk-without-crs'))).toBeUndefined();
  });
});

describe('G5: a large ring', () => {
  // Its validation time is measured by npm run bench, not asserted here.
  it('validates a 100 000-vertex ring and finds the one crossing in it', () => {
    const count = 100_000;
    const ring: Position[] = Array.from({ length: count }, (_, index) => {
      const angle = (2 * Math.PI * index) / count;
      return [X + 0.05 * Math.cos(angle), Y + 0.04 * Math.sin(angle)];
    });
    const closed = [...ring, ring[0] ?? [X, Y]];
    const file = (positions: Position[]) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [positions] } }] });
    const valid = validateGeoJson(file(closed));
    expect(valid.problems).toEqual([]);
    const crossed = [...closed];
    [crossed[500], crossed[501]] = [crossed[501] ?? [X, Y], crossed[500] ?? [X, Y]];
    expect(validateGeoJson(file(crossed)).problems.map((problem) => problem.code)).toEqual(['SELF_INTERSECTION']);
  });
});
