import type { Geometry, Position } from 'geojson';

/*
 * Well-known binary to GeoJSON geometry (OGC 06-103r4, Simple Feature Access part 1, §8.2), as
 * GeoPackage stores it after its own header (GeoPackage 1.3, §2.1.3.1.1: "ISO WKB"). Type codes
 * 1–7 are the 2D geometries; +1000 adds Z, +2000 M and +3000 ZM (ISO 13249-3); the PostGIS
 * "EWKB" flags 0x80000000 (Z) and 0x40000000 (M) are read too. Z is kept as GeoJSON's third
 * value, M dropped. Curves and surfaces (types 8–17) are refused by name, never approximated.
 */

export class WkbError extends Error {}

const TYPE_NAMES: Record<number, string> = { 8: 'CircularString', 9: 'CompoundCurve', 10: 'CurvePolygon', 11: 'MultiCurve', 12: 'MultiSurface', 13: 'Curve', 14: 'Surface', 15: 'PolyhedralSurface', 16: 'TIN', 17: 'Triangle' };

/** Nesting deeper than a collection of collections is no plan geometry. */
const MAX_DEPTH = 4;

class WkbCursor {
  private offset: number;
  private readonly view: DataView;
  constructor(bytes: Uint8Array, offset: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }
  private need(count: number): void {
    if (this.offset + count > this.view.byteLength) throw new WkbError(`the geometry ends early at byte ${this.offset}`);
  }
  byte(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }
  uint32(little: boolean): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, little);
    this.offset += 4;
    return value;
  }
  float64(little: boolean): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, little);
    this.offset += 8;
    return value;
  }
  /** A count is bounded by the bytes left, so a lying count cannot allocate gigabytes. */
  count(little: boolean, minimumBytesEach: number): number {
    const count = this.uint32(little);
    if (count * minimumBytesEach > this.view.byteLength - this.offset) throw new WkbError(`a count of ${count} exceeds the bytes left`);
    return count;
  }
}

interface Header {
  little: boolean;
  base: number;
  dimensions: number;
  hasZ: boolean;
}

function header(cursor: WkbCursor): Header {
  const order = cursor.byte();
  if (order > 1) throw new WkbError(`byte order ${order} is neither 0 nor 1`);
  const little = order === 1;
  const raw = cursor.uint32(little);
  const ewkbZ = (raw & 0x80000000) !== 0;
  const ewkbM = (raw & 0x40000000) !== 0;
  if ((raw & 0x20000000) !== 0) throw new WkbError('an EWKB SRID inside the geometry is not GeoPackage WKB');
  const code = raw & 0x0fffffff;
  const base = code % 1000;
  const iso = Math.floor(code / 1000);
  const hasZ = ewkbZ || iso === 1 || iso === 3;
  const hasM = ewkbM || iso === 2 || iso === 3;
  return { little, base, dimensions: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0), hasZ };
}

function position(cursor: WkbCursor, head: Header): Position {
  const values: number[] = [];
  for (let index = 0; index < head.dimensions; index++) values.push(cursor.float64(head.little));
  const [x = NaN, y = NaN, z] = values;
  return head.hasZ && z !== undefined ? [x, y, z] : [x, y];
}

function positions(cursor: WkbCursor, head: Header): Position[] {
  const count = cursor.count(head.little, 8 * head.dimensions);
  const list: Position[] = [];
  for (let index = 0; index < count; index++) list.push(position(cursor, head));
  return list;
}

function rings(cursor: WkbCursor, head: Header): Position[][] {
  const count = cursor.count(head.little, 4);
  const list: Position[][] = [];
  for (let index = 0; index < count; index++) list.push(positions(cursor, head));
  return list;
}

/** Members of a multi-geometry: each is a whole WKB geometry of the expected base type. */
function members(cursor: WkbCursor, head: Header, expected: number, depth: number): Geometry[] {
  const count = cursor.count(head.little, 9);
  const list: Geometry[] = [];
  for (let index = 0; index < count; index++) {
    const member = geometry(cursor, depth + 1);
    if (expected !== 0 && member.type !== ['', 'Point', 'LineString', 'Polygon'][expected]) throw new WkbError(`a member of a multi-geometry is a ${member.type}`);
    list.push(member);
  }
  return list;
}

function geometry(cursor: WkbCursor, depth: number): Geometry {
  if (depth > MAX_DEPTH) throw new WkbError('geometry collections nest too deep');
  const head = header(cursor);
  switch (head.base) {
    case 1: {
      const point = position(cursor, head);
      // An empty point is written as NaN coordinates (GeoPackage 1.3, §2.1.3.1.1 note).
      return point.every((value) => Number.isNaN(value)) ? { type: 'MultiPoint', coordinates: [] } : { type: 'Point', coordinates: point };
    }
    case 2:
      return { type: 'LineString', coordinates: positions(cursor, head) };
    case 3:
      return { type: 'Polygon', coordinates: rings(cursor, head) };
    case 4:
      return { type: 'MultiPoint', coordinates: members(cursor, head, 1, depth).map((member) => (member.type === 'Point' ? member.coordinates : [])) };
    case 5:
      return { type: 'MultiLineString', coordinates: members(cursor, head, 2, depth).map((member) => (member.type === 'LineString' ? member.coordinates : [])) };
    case 6:
      return { type: 'MultiPolygon', coordinates: members(cursor, head, 3, depth).map((member) => (member.type === 'Polygon' ? member.coordinates : [])) };
    case 7:
      return { type: 'GeometryCollection', geometries: members(cursor, head, 0, depth) };
    default:
      throw new WkbError(TYPE_NAMES[head.base] ? `${TYPE_NAMES[head.base]} geometries (curves) are not supported: convert them to lines or polygons first` : `unknown geometry type ${head.base}`);
  }
}

/** The geometry at `offset` of `bytes`; throws WkbError naming what is wrong. */
export function readWkb(bytes: Uint8Array, offset = 0): Geometry {
  return geometry(new WkbCursor(bytes, offset), 0);
}
