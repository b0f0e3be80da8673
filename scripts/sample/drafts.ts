/** A plan project before it gets its id, street and status history. */
import type { Point, Poly } from './geometry';

export type DraftGeometry = { type: 'polygon'; poly: Poly } | { type: 'line'; line: Point[] } | { type: 'point'; point: Point };

export interface DraftFeature {
  geometry: DraftGeometry;
  name: string;
  /** Layer-specific properties, in the order they are written. */
  attributes: Record<string, string | number>;
  /** The finished status of the lifecycle this project follows (e.g. demolished or renovated). */
  doneStatus: string;
  /**
   * A stage (index in its lifecycle) fixed by the story rather than by the plan's pace: e.g. the
   * new district hospital is still being built, whatever a steady pace would have it at.
   */
  fixedStage?: number;
}
