import type { Geometry } from 'geojson';
import type { ControlLineShape } from './controlLineShape';
import { overlapWithControlLine, projectPieces, type ControlOverlap } from './overlapWithControlLine';

/** One control line a project breaks, and by how much. */
export interface ControlConflict {
  controlLineId: string;
  /** The project's area in conflict: inside a forbidden line, or outside the boundary it must keep within. */
  areaSquareMeters: number;
  lengthMeters: number;
  pointCount: number;
  /** That part as a share (0–1) of the project's area, or of its length for a line, or of its points. */
  share: number;
  /** The control line's areas the project reaches into (empty for a project outside a boundary). */
  partNames: string[];
}

/*
 * Below these a conflict is rounding, not planning: a project drawn along a boundary shares its
 * edge, and the overlay of two shapes that touch leaves slivers of a few square centimetres.
 */
const MIN_CONFLICT_SQUARE_METERS = 1;
const MIN_CONFLICT_METERS = 0.5;

function conflictOf(shape: ControlLineShape, overlap: ControlOverlap): ControlConflict | null {
  const outside = shape.definition.rule === 'outside-forbidden';
  const pick = (insideAmount: number, total: number): number => Math.max(0, outside ? total - insideAmount : insideAmount);
  const areaSquareMeters = pick(overlap.insideAreaSquareMeters, overlap.areaSquareMeters);
  const lengthMeters = pick(overlap.insideLengthMeters, overlap.lengthMeters);
  const pointCount = pick(overlap.insidePointCount, overlap.pointCount);
  let share: number;
  if (overlap.areaSquareMeters > 0) {
    if (areaSquareMeters < MIN_CONFLICT_SQUARE_METERS) return null;
    share = areaSquareMeters / overlap.areaSquareMeters;
  } else if (overlap.lengthMeters > 0) {
    if (lengthMeters < MIN_CONFLICT_METERS) return null;
    share = lengthMeters / overlap.lengthMeters;
  } else {
    if (pointCount === 0) return null;
    share = pointCount / overlap.pointCount;
  }
  return {
    controlLineId: shape.definition.id,
    areaSquareMeters,
    lengthMeters,
    pointCount,
    share: Math.min(1, share),
    partNames: outside ? [] : overlap.partNames,
  };
}

/**
 * The control lines a project conflicts with, in the manifest's order: a forbidden line (红线,
 * 永久基本农田) that it reaches into, or a boundary (城镇开发边界) that it reaches out of.
 */
export function controlConflicts(geometry: Geometry | null | undefined, shapes: readonly ControlLineShape[]): ControlConflict[] {
  const conflicts: ControlConflict[] = [];
  if (shapes.length === 0) return conflicts;
  const pieces = projectPieces(geometry);
  for (const shape of shapes) {
    const conflict = conflictOf(shape, overlapWithControlLine(pieces, shape));
    if (conflict) conflicts.push(conflict);
  }
  return conflicts;
}
