import type { Geometry, Position } from 'geojson';

/**
 * Visits every position of a structurally checked geometry. `visit` gets the position and the
 * JSON-pointer suffix of it relative to the geometry ("/coordinates/0/5",
 * "/geometries/1/coordinates/3"), built only when asked for, and returns the position to keep
 * (possibly new). The geometry is copied, never changed in place; other members are kept.
 */
export function mapGeometryPositions(geometry: Geometry, visit: (position: Position, suffix: () => string) => Position): Geometry {
  const path: (string | number)[] = [];
  const suffix = (): string => path.map((token) => `/${token}`).join('');
  const mapLevel = (value: unknown, levels: number): unknown => {
    if (levels === 0) return visit(value as Position, suffix);
    const items = value as unknown[];
    const mapped: unknown[] = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index++) {
      path.push(index);
      mapped[index] = mapLevel(items[index], levels - 1);
      path.pop();
    }
    return mapped;
  };
  const mapOne = (member: Geometry): Geometry => {
    if (member.type === 'GeometryCollection') {
      path.push('geometries');
      const geometries = member.geometries.map((child, index) => {
        path.push(index);
        const mapped = mapOne(child);
        path.pop();
        return mapped;
      });
      path.pop();
      return { ...member, geometries };
    }
    path.push('coordinates');
    const coordinates = mapLevel(member.coordinates, LEVELS[member.type]);
    path.pop();
    return { ...member, coordinates } as Geometry;
  };
  return mapOne(geometry);
}

const LEVELS: Record<Exclude<Geometry['type'], 'GeometryCollection'>, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};
