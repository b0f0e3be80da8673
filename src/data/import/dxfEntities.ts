import type { Position } from 'geojson';
import { bulgePoints, hatchArcPoints } from './dxfArcs';
import { unescapeDxfText, type DxfGroup } from './dxfGroups';

/*
 * The drawable entities of a DXF ENTITIES section (AutoCAD DXF Reference, "ENTITIES Section"),
 * as rings, lines and texts in drawing units. Group 8 is the layer, 5 the handle. Entities in
 * BLOCKS are not drawn here: an INSERT of a block is counted as skipped, never exploded.
 */

export type DxfShape =
  | { kind: 'ring'; layer: string; handle: string; entity: string; rings: Position[][] }
  | { kind: 'line'; layer: string; handle: string; entity: string; points: Position[] }
  | { kind: 'text'; layer: string; handle: string; entity: string; at: Position; text: string };

export interface DxfEntities {
  shapes: DxfShape[];
  /** Entity type → how many were left out (INSERT, CIRCLE, SPLINE, …). */
  skipped: Map<string, number>;
  /** Hatch boundary edges that could not be followed (ellipse and spline edges). */
  unreadableHatchLoops: number;
}

type Entity = { type: string; groups: DxfGroup[] };

/** The entities between "2 ENTITIES" and its ENDSEC, each with its groups. */
function entitiesSection(groups: readonly DxfGroup[]): Entity[] {
  const start = groups.findIndex((group, index) => group.code === 2 && group.value.trim() === 'ENTITIES' && groups[index - 1]?.value.trim() === 'SECTION');
  if (start < 0) return [];
  const entities: Entity[] = [];
  let current: Entity | undefined;
  for (let index = start + 1; index < groups.length; index++) {
    const group = groups[index];
    if (!group) break;
    if (group.code === 0) {
      const type = group.value.trim();
      if (type === 'ENDSEC') break;
      current = { type, groups: [] };
      entities.push(current);
    } else current?.groups.push(group);
  }
  return entities;
}

const numberOf = (group: DxfGroup | undefined): number => Number(group?.value.trim());
const first = (entity: Entity, code: number): DxfGroup | undefined => entity.groups.find((group) => group.code === code);
const text = (entity: Entity, code: number, fallback = ''): string => first(entity, code)?.value.trim() ?? fallback;

/** Vertices with their bulges in order: a 42 belongs to the 10/20 before it. */
function withBulges(vertices: { at: Position; bulge: number }[], closed: boolean): Position[] {
  const points: Position[] = [];
  vertices.forEach((vertex, index) => {
    points.push(vertex.at);
    const next = vertices[index + 1] ?? (closed ? vertices[0] : undefined);
    if (next) points.push(...bulgePoints(vertex.at, next.at, vertex.bulge));
  });
  return points;
}

function lwPolyline(entity: Entity): { points: Position[]; closed: boolean } {
  const vertices: { at: Position; bulge: number }[] = [];
  for (const group of entity.groups) {
    if (group.code === 10) vertices.push({ at: [numberOf(group), NaN], bulge: 0 });
    else if (group.code === 20 && vertices.length > 0) (vertices[vertices.length - 1] as { at: Position }).at[1] = numberOf(group);
    else if (group.code === 42 && vertices.length > 0) (vertices[vertices.length - 1] as { bulge: number }).bulge = numberOf(group);
  }
  const closed = (numberOf(first(entity, 70)) & 1) === 1 || endsMeet(vertices.map((vertex) => vertex.at));
  return { points: withBulges(vertices, closed), closed };
}

/**
 * A polyline drawn back to its start point without the "closed" flag (group 70 bit 1) is closed
 * in all but the flag: draughtsmen snap the last vertex onto the first as often as they close it.
 */
function endsMeet(points: readonly Position[]): boolean {
  const head = points[0];
  const last = points[points.length - 1];
  return points.length >= 4 && head !== undefined && last !== undefined && head[0] === last[0] && head[1] === last[1];
}

/** A ring closed by repeating its first point, as GeoJSON wants; a ring already closed is kept. */
function closedRing(points: Position[]): Position[] {
  const [head] = points;
  const last = points[points.length - 1];
  if (!head || !last) return points;
  return head[0] === last[0] && head[1] === last[1] ? points : [...points, head];
}

/** HATCH boundary loops (group 91 onwards): polyline loops (flag 2) or edge loops of lines and circular arcs. */
function hatchLoops(entity: Entity): { rings: Position[][]; unreadable: number } {
  const groups = entity.groups;
  let index = groups.findIndex((group) => group.code === 91);
  const loopCount = numberOf(groups[index]);
  const rings: Position[][] = [];
  let unreadable = 0;
  const next = (code: number): number => {
    for (index++; index < groups.length; index++) if (groups[index]?.code === code) return numberOf(groups[index]);
    return NaN;
  };
  for (let loop = 0; loop < loopCount && index >= 0 && index < groups.length; loop++) {
    const flags = next(92);
    if ((flags & 2) === 2) {
      const hasBulge = next(72) === 1;
      next(73);
      const count = next(93);
      const vertices: { at: Position; bulge: number }[] = [];
      for (let vertex = 0; vertex < count; vertex++) {
        const x = next(10);
        const y = next(20);
        vertices.push({ at: [x, y], bulge: hasBulge ? next(42) : 0 });
      }
      rings.push(closedRing(withBulges(vertices, true)));
      continue;
    }
    const edges = next(93);
    const ring: Position[] = [];
    let readable = true;
    for (let edge = 0; edge < edges; edge++) {
      const type = next(72);
      if (type === 1) {
        const start: Position = [next(10), next(20)];
        const end: Position = [next(11), next(21)];
        ring.push(start, end);
      } else if (type === 2) {
        const centreX = next(10);
        const centreY = next(20);
        const radius = next(40);
        const startDegrees = next(50);
        const endDegrees = next(51);
        ring.push(...hatchArcPoints(centreX, centreY, radius, startDegrees, endDegrees, next(73) === 1));
      } else readable = false;
      if (!readable) break;
    }
    if (!readable) {
      unreadable++;
      // The rest of an unreadable loop cannot be skipped reliably: stop reading this hatch.
      break;
    }
    // Edges meet end to start: drop the repeated joints.
    const joined = ring.filter((point, at) => at === 0 || point[0] !== ring[at - 1]?.[0] || point[1] !== ring[at - 1]?.[1]);
    rings.push(closedRing(joined));
  }
  return { rings, unreadable };
}

/** MTEXT formatting (\P new paragraph, \f…; font, {…} groups) reduced to plain text. */
const plainMtext = (value: string): string =>
  value.replace(/\\P/g, ' ').replace(/\\[fFcCHhTtQqWwAa][^;]*;/g, '').replace(/\\[LlOoKk]/g, '').replace(/[{}]/g, '').trim();

export function dxfEntities(groups: readonly DxfGroup[]): DxfEntities {
  const entities = entitiesSection(groups);
  const shapes: DxfShape[] = [];
  const skipped = new Map<string, number>();
  let unreadableHatchLoops = 0;
  const skip = (type: string) => skipped.set(type, (skipped.get(type) ?? 0) + 1);
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index] as Entity;
    const base = { layer: unescapeDxfText(text(entity, 8, '0')), handle: text(entity, 5), entity: entity.type };
    switch (entity.type) {
      case 'LWPOLYLINE': {
        const { points, closed } = lwPolyline(entity);
        shapes.push(closed ? { ...base, kind: 'ring', rings: [closedRing(points)] } : { ...base, kind: 'line', points });
        break;
      }
      case 'POLYLINE': {
        const flags = numberOf(first(entity, 70));
        const vertices: { at: Position; bulge: number }[] = [];
        // Its VERTEX entities follow it up to SEQEND; spline frame points (flag 16) are not on the curve.
        while (entities[index + 1]?.type === 'VERTEX') {
          const vertex = entities[++index] as Entity;
          if ((numberOf(first(vertex, 70)) & 16) === 16) continue;
          vertices.push({ at: [numberOf(first(vertex, 10)), numberOf(first(vertex, 20))], bulge: numberOf(first(vertex, 42)) || 0 });
        }
        if (entities[index + 1]?.type === 'SEQEND') index++;
        // Polygon meshes (16) and polyface meshes (64) are surfaces, not outlines.
        if ((flags & (16 | 64)) !== 0) {
          skip('POLYLINE (mesh)');
          break;
        }
        const closed = (flags & 1) === 1 || endsMeet(vertices.map((vertex) => vertex.at));
        const points = withBulges(vertices, closed);
        shapes.push(closed ? { ...base, kind: 'ring', rings: [closedRing(points)] } : { ...base, kind: 'line', points });
        break;
      }
      case 'LINE':
        shapes.push({ ...base, kind: 'line', points: [[numberOf(first(entity, 10)), numberOf(first(entity, 20))], [numberOf(first(entity, 11)), numberOf(first(entity, 21))]] });
        break;
      case 'HATCH': {
        const { rings, unreadable } = hatchLoops(entity);
        unreadableHatchLoops += unreadable;
        if (rings.length > 0 && unreadable === 0) shapes.push({ ...base, kind: 'ring', rings });
        break;
      }
      case 'TEXT':
      case 'MTEXT': {
        const parts = entity.groups.filter((group) => group.code === 3 || group.code === 1).map((group) => group.value);
        const value = unescapeDxfText(entity.type === 'MTEXT' ? plainMtext(parts.join('')) : parts.join('').trim());
        if (value !== '') shapes.push({ ...base, kind: 'text', at: [numberOf(first(entity, 10)), numberOf(first(entity, 20))], text: value });
        break;
      }
      default:
        skip(entity.type);
    }
  }
  return { shapes, skipped, unreadableHatchLoops };
}
