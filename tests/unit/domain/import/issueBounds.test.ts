import { describe, expect, it } from 'vitest';
import type { Bounds } from '../../../../src/domain/measure/featureBounds';
import { isLonLatBounds, issueBounds, viewablePoint } from '../../../../src/domain/import/issueBounds';

const district: Bounds = [102.619, 24.932, 102.771, 25.057];

describe('where the map shows a problem of an import', () => {
  it('uses a real lon/lat as it is', () => {
    expect(viewablePoint([102.7, 24.99], district)).toEqual([102.7, 24.99]);
    expect(viewablePoint([0, 0], district)).toEqual([0, 0]);
  });

  it('shows a swapped position where it was meant to be, when swapping it back lands in the district', () => {
    expect(viewablePoint([24.99, 102.73], district)).toEqual([102.73, 24.99]);
  });

  it('gives nothing for a position no map can show (a latitude beyond ±90°), so the page never crashes', () => {
    expect(viewablePoint([10, 95], district)).toBeUndefined();
    expect(viewablePoint([500000, 2770000], district)).toBeUndefined();
    expect(viewablePoint([Number.NaN, 24.99], district)).toBeUndefined();
    expect(issueBounds([10, 95], null, district, 0.005)).toBeNull();
  });

  it('pads a point, and falls back to the feature box only when that is a real lon/lat box', () => {
    const around = issueBounds([24.99, 102.73], null, district, 0.005);
    expect(around?.map((value) => Math.round(value * 1e6) / 1e6)).toEqual([102.725, 24.985, 102.735, 24.995]);
    expect(issueBounds(undefined, [102.7, 24.99, 102.71, 25], district, 0.005)).toEqual([102.7, 24.99, 102.71, 25]);
    expect(issueBounds(undefined, [24.99, 102.73, 24.992, 102.732], district, 0.005)).toBeNull();
    expect(issueBounds(undefined, null, district, 0.005)).toBeNull();
    expect(isLonLatBounds([-180, -90, 180, 90])).toBe(true);
    expect(isLonLatBounds([102.7, 25, 102.6, 25.1])).toBe(false);
  });
});
