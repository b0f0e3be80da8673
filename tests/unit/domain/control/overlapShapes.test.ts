import { booleanPointInPolygon, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { controlConflicts } from '../../../../src/domain/control/controlConflicts';
import { controlLineShape } from '../../../../src/domain/control/controlLineShape';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';

const definition = { id: 'eco-red-line', name: { zh: '生态保护红线', en: 'Red line' }, color: '#c62828', style: 'hatch', rule: 'forbidden' } as const;
const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

// A U open to the north: arms 102.700–102.702 and 102.708–102.710, joined below 25.002; a hole in the east arm.
const horseshoe: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[102.7, 25.0], [102.71, 25.0], [102.71, 25.01], [102.708, 25.01], [102.708, 25.002], [102.702, 25.002], [102.702, 25.01], [102.7, 25.01], [102.7, 25.0]],
    [[102.7085, 25.005], [102.7095, 25.005], [102.7095, 25.006], [102.7085, 25.006], [102.7085, 25.005]],
  ],
};
const shape = controlLineShape(definition, [{ type: 'Feature', geometry: horseshoe, properties: { name: 'U' } }]);

describe('overlap with concave control areas and holes', () => {
  it('finds the gap of a U that a project bridges with every corner on the arms', () => {
    const bridge = box(102.701, 25.004, 102.709, 25.008);
    const expected = intersect(featureCollection([turfPolygon(bridge.coordinates), turfPolygon(horseshoe.coordinates)]));
    const [conflict] = controlConflicts(bridge, [shape]);
    expect(conflict?.areaSquareMeters).toBeCloseTo(areaSquareMeters(expected?.geometry), 3);
    expect(conflict?.share).toBeLessThan(0.4);
  });

  it('leaves out a hole the project covers, and finds no conflict for a project inside the hole', () => {
    const overHole = box(102.7082, 25.0045, 102.7098, 25.0065);
    const [conflict] = controlConflicts(overHole, [shape]);
    expect(conflict?.areaSquareMeters).toBeCloseTo(areaSquareMeters(overHole) - areaSquareMeters(box(102.7085, 25.005, 102.7095, 25.006)), 3);
    expect(controlConflicts(box(102.7087, 25.0052, 102.7093, 25.0058), [shape])).toEqual([]);
  });

  it('answers point-in-polygon as turf does, through the edge index', () => {
    const part = shape.parts[0];
    if (!part) throw new Error('the U has a part');
    for (let i = 0; i < 400; i++) {
      // A fixed, spread set of points over and around the U, off its edges (on an edge either answer is right).
      const x = 102.699 + ((i * 37) % 400) / 400 * 0.012 + 1.3e-7;
      const y = 24.999 + ((i * 91) % 400) / 400 * 0.012 + 0.7e-7;
      expect(part.edges.contains(x, y), `${x}, ${y}`).toBe(booleanPointInPolygon([x, y], horseshoe));
    }
  });
});
