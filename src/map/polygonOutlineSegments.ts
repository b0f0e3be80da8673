import type { Position } from 'geojson';
import type { PlanGeometry } from '../domain/planFeature';

/** One edge of a polygon ring, and the feature it outlines. */
export interface OutlineSegment {
  source: Position;
  target: Position;
  featureIndex: number;
}

function ringsOf(geometry: PlanGeometry): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

const cache = new WeakMap<readonly { geometry: PlanGeometry | null }[], OutlineSegment[]>();

/**
 * Every ring edge of every polygon, computed once per feature array. Outlines are drawn as plain
 * line segments because deck.gl's path layer (mitred joins, many vertices per point) made each
 * software-rendered frame several times slower (npm run bench).
 */
export function polygonOutlineSegments(features: readonly { geometry: PlanGeometry | null }[]): OutlineSegment[] {
  const cached = cache.get(features);
  if (cached) return cached;
  const segments: OutlineSegment[] = [];
  features.forEach((feature, featureIndex) => {
    if (!feature.geometry) return;
    for (const ring of ringsOf(feature.geometry)) {
      for (let index = 1; index < ring.length; index += 1) {
        const source = ring[index - 1];
        const target = ring[index];
        if (source && target) segments.push({ source, target, featureIndex });
      }
    }
  });
  cache.set(features, segments);
  return segments;
}
