import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { newControlConflicts } from '../../../../src/domain/control/newControlConflicts';
import { controlLineShape } from '../../../../src/domain/control/controlLineShape';

const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});
const farmland = controlLineShape(
  { id: 'basic-farmland', name: { zh: '永久基本农田', en: 'Permanent basic farmland' }, color: '#c9a227', style: 'hatch', rule: 'forbidden' },
  [{ type: 'Feature', geometry: box(102.705, 24.99, 102.72, 25.02), properties: { name: '西部永久基本农田' } }],
);
const project = (id: string, geometry: Polygon) => ({ id, geometry, properties: { name: `项目 ${id}` } });

describe('the conflicts an import brings, for the review before saving', () => {
  it('names a new project that reaches into a control line', () => {
    const found = newControlConflicts([], [project('IL-900', box(102.7, 25.0, 102.71, 25.01))], [farmland]);
    expect(found).toEqual([expect.objectContaining({ featureId: 'IL-900', name: '项目 IL-900' })]);
    expect(found[0]?.conflict.share).toBeCloseTo(0.5, 6);
    expect(found[0]?.before).toBeUndefined();
  });

  it('names a reshaped project whose conflict grew, with the saved figure beside the new one', () => {
    const saved = [project('IL-001', box(102.7, 25.0, 102.707, 25.01))];
    const found = newControlConflicts(saved, [project('IL-001', box(102.7, 25.0, 102.71, 25.01))], [farmland]);
    expect(found).toHaveLength(1);
    expect(found[0]?.conflict.areaSquareMeters).toBeGreaterThan(found[0]?.before?.areaSquareMeters ?? Infinity);
  });

  it('leaves out conflicts the saved data already had, unchanged or shrunk, and projects clear of every line', () => {
    const saved = [project('IL-001', box(102.7, 25.0, 102.71, 25.01)), project('IL-002', box(102.7, 25.0, 102.71, 25.01))];
    const after = [
      project('IL-001', box(102.7, 25.0, 102.71, 25.01)),
      project('IL-002', box(102.7, 25.0, 102.707, 25.01)),
      project('IL-003', box(102.68, 25.0, 102.69, 25.01)),
    ];
    expect(newControlConflicts(saved, after, [farmland])).toEqual([]);
  });
});
