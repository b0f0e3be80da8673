import type { StatusGroup } from './statusGroups';
import type { TargetGroup } from './targetGroups';

/**
 * What the database answers for a tiled layer on a day (GET /api/layers/:id/stats): its projects
 * summed by status and sub-district, for its statistics (layerStatsFromGroups), and also by the
 * values its targets' conditions read, with the properties they sum, for its target progress
 * (targetProgressFromGroups).
 */
export interface LayerGroups {
  groups: readonly StatusGroup[];
  targetGroups: readonly TargetGroup[];
}
