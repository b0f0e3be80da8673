import type { Geometry, Position } from 'geojson';

/**
 * Visits the positions of a structurally checked geometry in order; `suffix()` gives the JSON
 * pointer of the current one relative to the geometry, `index` its index in its line or ring. Return true from `visit` to stop; the
 * result says whether it stopped.
 */
export function forEachPosition(geometry: Geometry, visit: (position: Position, suffix: () => string, index: number) => boolean | void): boolean {
  const path: (string | number)[] = [];
  const suffix = (): string => path.map((token) => `/${token}`).join('');
  const walk = (value: unknown, index: number): boolean => {
    if (!Array.isArray(value)) return false;
    if (typeof value[0] === 'number') return visit(value as Position, suffix, index) === true;
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      const stop = walk(value[index], index);
      path.pop();
      if (stop) return true;
    }
    return false;
  };
  const walkGeometry = (member: Geometry): boolean => {
    if (member.type === 'GeometryCollection') {
      for (let index = 0; index < member.geometries.length; index++) {
        const child = member.geometries[index];
        path.push('geometries', index);
        const stop = child ? walkGeometry(child) : false;
        path.pop();
        path.pop();
        if (stop) return true;
      }
      return false;
    }
    path.push('coordinates');
    const stop = walk(member.coordinates, 0);
    path.pop();
    return stop;
  };
  return walkGeometry(geometry);
}
