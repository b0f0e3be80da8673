/** What each part of the district is: the quarters that decide block use and street density. */
import { OLD_TOWN } from './design';
import { distance } from './geometry';
import type { LocalDensity } from './streetGrid';

export type Quarter = 'old-town' | 'urban' | 'industrial' | 'new-town' | 'fringe';

/** By grid coordinates of a block's middle. */
export function quarterAt(s: number, v: number): Quarter {
  if (distance([s, v], OLD_TOWN.center) < OLD_TOWN.radiusMeters) return 'old-town';
  if (s > 1500 && v < 2100) return 'new-town';
  if (s > 2600 && v < 5400) return 'industrial';
  if (v > 6300 || s < -5000) return 'fringe';
  return 'urban';
}

export function localDensityAt(s: number, v: number): LocalDensity {
  const quarter = quarterAt(s, v);
  if (quarter === 'industrial' || quarter === 'new-town') return 'sparse';
  if (quarter === 'fringe') return 'sparse';
  return 'dense';
}
