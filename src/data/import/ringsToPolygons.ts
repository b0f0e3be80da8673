import type { Position } from 'geojson';
import { pointInRing } from '../../domain/validation/pointInRing';
import { signedDoubleArea } from './polygonFromShapefileRings';

/*
 * Rings without a stated role (DXF hatch loops) sorted into polygons by containment: a ring inside
 * an odd number of larger rings is a hole of the smallest of them, any other ring is a shell.
 * Which ring holds which is judged by one vertex, which is enough for rings that do not cross;
 * crossing rings are left for the validator to name (docs/input-rules.md, D3, D5).
 */

const contains = (outer: readonly Position[], ring: readonly Position[]): boolean => {
  const [x = NaN, y = NaN] = ring[0] ?? [];
  return pointInRing(x, y, outer) === 'inside';
};

/** Polygons (shell first, then its holes) from rings in any order. */
export function ringsToPolygons(rings: readonly Position[][]): Position[][][] {
  const sorted = rings.filter((ring) => ring.length > 0).sort((a, b) => Math.abs(signedDoubleArea(b)) - Math.abs(signedDoubleArea(a)));
  const polygons: Position[][][] = [];
  const polygonOf: (Position[][] | undefined)[] = [];
  sorted.forEach((ring, index) => {
    const containers = sorted.slice(0, index).flatMap((other, at) => (contains(other, ring) ? [at] : []));
    const innermost = containers[containers.length - 1];
    const shell = innermost === undefined ? undefined : polygonOf[innermost];
    if (containers.length % 2 === 1 && shell) {
      shell.push(ring);
      polygonOf.push(undefined);
      return;
    }
    const polygon = [ring];
    polygons.push(polygon);
    polygonOf.push(polygon);
  });
  return polygons;
}
