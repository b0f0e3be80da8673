import type { Geometry, Position } from 'geojson';

/*
 * Well-known text geometries (OGC 06-103r4, Simple Feature Access part 1, §7) as a ledger's WKT
 * column holds them: POINT, LINESTRING, POLYGON and their MULTI forms, optionally with Z, M or ZM
 * and a PostGIS "SRID=n;" prefix. Z is kept, M dropped. Returns a reason instead of a geometry
 * when the text is not WKT, so the reader can name the row.
 */

export type WktGeometryResult = { ok: true; geometry: Geometry | null; srid?: number } | { ok: false; reason: string };

type Node = number[] | Node[];

/** Recursive descent over "(", ")", "," and runs of numbers: a list, or a position's numbers. */
class WktReader {
  private index = 0;
  private readonly tokens: string[];
  constructor(text: string) {
    this.tokens = text.match(/\(|\)|,|[^\s(),]+/g) ?? [];
  }
  node(): Node {
    if (this.tokens[this.index] === '(') {
      this.index++;
      const items: Node[] = [this.node()];
      while (this.tokens[this.index] === ',') {
        this.index++;
        items.push(this.node());
      }
      if (this.tokens[this.index] !== ')') throw new Error('a parenthesis is not closed');
      this.index++;
      return items;
    }
    const numbers: number[] = [];
    while (this.index < this.tokens.length && !['(', ')', ','].includes(this.tokens[this.index] ?? '')) {
      const token = this.tokens[this.index++] ?? '';
      const value = Number(token);
      if (!Number.isFinite(value)) throw new Error(`"${token.slice(0, 20)}" is not a number`);
      numbers.push(value);
    }
    if (numbers.length === 0) throw new Error('a position is empty');
    return numbers;
  }
  done(): boolean {
    return this.index === this.tokens.length;
  }
}

const TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'] as const;
type WktType = (typeof TYPES)[number];
const TYPE_NAMES = { POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon' } as const;

const isPosition = (node: Node): node is number[] => node.every((item) => typeof item === 'number');

function position(node: Node, dropThird: boolean): Position {
  if (!isPosition(node)) throw new Error('a list stands where a position belongs');
  if (node.length < 2 || node.length > 4) throw new Error(`a position has ${node.length} values`);
  const [x = NaN, y = NaN, z] = node;
  return z !== undefined && !dropThird ? [x, y, z] : [x, y];
}

function list(node: Node): Node[] {
  if (isPosition(node)) throw new Error('a position stands where a list belongs');
  return node;
}

export function geometryFromWkt(input: string): WktGeometryResult {
  let text = input.trim();
  let srid: number | undefined;
  const prefix = /^SRID=(\d+);/i.exec(text);
  if (prefix) {
    srid = Number(prefix[1]);
    text = text.slice(prefix[0].length).trim();
  }
  // Longest names first, so "POINTM" reads as POINT with M and "MULTIPOINT" never as POINT.
  const head = /^(MULTIPOLYGON|MULTILINESTRING|MULTIPOINT|POLYGON|LINESTRING|POINT)\s*(ZM|Z|M)?\s*/i.exec(text);
  const type = head?.[1]?.toUpperCase() as WktType | undefined;
  if (!head || !type || !TYPES.includes(type)) return { ok: false, reason: `it does not start with one of ${TYPES.join(', ')}` };
  const modifier = head[2]?.toUpperCase();
  const rest = text.slice(head[0].length).trim();
  if (/^EMPTY$/i.test(rest)) return { ok: true, geometry: null, ...(srid ? { srid } : {}) };
  if (!rest.startsWith('(')) return { ok: false, reason: 'the coordinates are not in parentheses' };
  try {
    const reader = new WktReader(rest);
    const root = reader.node();
    if (!reader.done()) return { ok: false, reason: 'there is text after the last parenthesis' };
    // "POINT M (x y m)": the third value is a measure, not a height.
    const dropThird = modifier === 'M';
    const positions = (node: Node) => list(node).map((item) => position(item, dropThird));
    const rings = (node: Node) => list(node).map(positions);
    const coordinates =
      type === 'POINT' ? position(list(root)[0] ?? [], dropThird)
      : type === 'LINESTRING' ? positions(root)
      : type === 'POLYGON' || type === 'MULTILINESTRING' ? rings(root)
      : type === 'MULTIPOLYGON' ? list(root).map(rings)
      // MULTIPOINT ((1 2), (3 4)) and MULTIPOINT (1 2, 3 4) are both in use.
      : list(root).map((item) => position(isPosition(item) ? item : (list(item)[0] ?? []), dropThird));
    return { ok: true, geometry: { type: TYPE_NAMES[type], coordinates } as Geometry, ...(srid ? { srid } : {}) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
