import type { Geometry } from 'geojson';
import { controlConflicts, type ControlConflict } from './controlConflicts';
import type { ControlLineShape } from './controlLineShape';

/** A conflict an edit or import brings: a project newly inside (or outside) a control line, or further in than before. */
export interface NewControlConflict {
  featureId: string;
  name: string;
  conflict: ControlConflict;
  /** The same project's conflict with this line before, when it had one and it grew. */
  before?: ControlConflict;
}

/*
 * A conflict grows when its part in conflict grows by more than overlay noise: the tolerances
 * of controlConflicts (1 m², 0.5 m), so a project redrawn along a line is not flagged.
 */
const GROWTH_SQUARE_METERS = 1;
const GROWTH_METERS = 0.5;

function grew(after: ControlConflict, before: ControlConflict): boolean {
  return after.areaSquareMeters - before.areaSquareMeters > GROWTH_SQUARE_METERS
    || after.lengthMeters - before.lengthMeters > GROWTH_METERS
    || after.pointCount > before.pointCount;
}

interface ProjectVersion {
  id: string;
  geometry: Geometry | null;
  properties: { name: string };
}

/**
 * The conflicts that saving `after` over `before` introduces, for the import review: only the
 * projects whose geometry is new or changed are measured, the saved version of each against its
 * new one. Ordered as `after`, each project's conflicts in the control lines' order.
 */
export function newControlConflicts(before: readonly ProjectVersion[], after: readonly ProjectVersion[], shapes: readonly ControlLineShape[]): NewControlConflict[] {
  if (shapes.length === 0) return [];
  const savedById = new Map(before.map((project) => [project.id, project]));
  const found: NewControlConflict[] = [];
  for (const project of after) {
    const saved = savedById.get(project.id);
    if (saved && JSON.stringify(saved.geometry) === JSON.stringify(project.geometry)) continue;
    const previous = saved ? controlConflicts(saved.geometry, shapes) : [];
    for (const conflict of controlConflicts(project.geometry, shapes)) {
      const earlier = previous.find((candidate) => candidate.controlLineId === conflict.controlLineId);
      if (earlier && !grew(conflict, earlier)) continue;
      found.push({ featureId: project.id, name: project.properties.name, conflict, ...(earlier ? { before: earlier } : {}) });
    }
  }
  return found;
}
