import type { ControlLineShape } from '../domain/control/controlLineShape';
import type { ProjectConflict } from '../domain/control/planConflicts';

/** One project's conflict with a control line in `npm run stats -- --json`: metres, and the share 0–1. */
export interface ConflictProjectJson {
  layer: string;
  id: string;
  name: string;
  /** Inside a forbidden line, or outside the boundary for an outside-forbidden one. */
  area_m2: number;
  length_m: number;
  points: number;
  share: number;
  /** The control line's areas the project reaches into. */
  areas: string[];
}

export interface ConflictsJson {
  controlLine: string;
  rule: string;
  projects: ConflictProjectJson[];
}

/** Every control line with the projects that conflict with it (an empty list when none do). */
export function conflictsJson(shapes: readonly ControlLineShape[], conflicts: readonly ProjectConflict[]): ConflictsJson[] {
  return shapes.map(({ definition }) => ({
    controlLine: definition.id,
    rule: definition.rule,
    projects: conflicts.filter((conflict) => conflict.controlLineId === definition.id).map((conflict) => ({
      layer: conflict.layerId,
      id: conflict.featureId,
      name: conflict.name,
      area_m2: conflict.areaSquareMeters,
      length_m: conflict.lengthMeters,
      points: conflict.pointCount,
      share: conflict.share,
      areas: conflict.partNames,
    })),
  }));
}
