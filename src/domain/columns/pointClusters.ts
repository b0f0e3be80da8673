import type { GeometryColumns } from './geometryColumns';

/**
 * A point layer's points binned into square screen cells at one zoom: each cluster is the points
 * of one cell that pass the filter, at their mean position, coloured by their most common status.
 * Cells are fixed to the world (Web Mercator pixels at the zoom), so a pan never changes them and
 * only a zoom step, a filter or the day shown recomputes them: one loop over the points.
 */
export interface PointClusters {
  count: number;
  /** Mean position of each cluster as lon, lat offsets from the geometry's origin (as its positions). */
  positions: Float32Array;
  /** How many points each cluster holds (at least 1). */
  pointCount: Uint32Array;
  /** The status code most of its points have (the lower code on a tie). */
  statusCode: Uint16Array;
  /** For each cluster, one of its parts (points): the feature a single-point cluster stands for. */
  firstPart: Uint32Array;
}

/** Web Mercator pixels (512-pixel tiles) across the world at zoom 0. */
const WORLD_PIXELS = 512;

/** Web Mercator x, y in [0, 1) of a lon/lat. */
function mercatorUnit(longitude: number, latitude: number): [number, number] {
  const clamped = Math.max(-85.05, Math.min(85.05, latitude));
  const sine = Math.sin((clamped * Math.PI) / 180);
  return [(longitude + 180) / 360, 0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)];
}

/**
 * Clusters the layer's points at `zoom` (its integer part: cells change only at whole zooms) in
 * cells of `cellPixels`. `shown[featureIndex]` is 1 for features that pass the filter on the day
 * shown and `statusCodes[featureIndex]` their status code then (below `statusCount`).
 */
export function pointClusters(
  geometry: GeometryColumns,
  shown: Uint8Array,
  statusCodes: Uint16Array,
  statusCount: number,
  zoom: number,
  cellPixels: number,
): PointClusters {
  const cellsAcross = (WORLD_PIXELS * 2 ** Math.floor(zoom)) / cellPixels;
  const { partCount, partFeature, partStart, positions, origin } = geometry;
  const clusterOfCell = new Map<number, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  const firstParts: number[] = [];
  const statusTallies: number[] = [];
  for (let part = 0; part < partCount; part++) {
    const feature = partFeature[part] ?? 0;
    if (shown[feature] !== 1) continue;
    const vertex = partStart[part] ?? 0;
    const offsetLongitude = positions[2 * vertex] ?? 0;
    const offsetLatitude = positions[2 * vertex + 1] ?? 0;
    const [x, y] = mercatorUnit(offsetLongitude + origin[0], offsetLatitude + origin[1]);
    const cell = Math.floor(y * cellsAcross) * (cellsAcross + 1) + Math.floor(x * cellsAcross);
    let cluster = clusterOfCell.get(cell);
    if (cluster === undefined) {
      cluster = counts.length;
      clusterOfCell.set(cell, cluster);
      sums.push(0, 0);
      counts.push(0);
      firstParts.push(part);
      for (let code = 0; code < statusCount; code++) statusTallies.push(0);
    }
    sums[2 * cluster] = (sums[2 * cluster] ?? 0) + offsetLongitude;
    sums[2 * cluster + 1] = (sums[2 * cluster + 1] ?? 0) + offsetLatitude;
    counts[cluster] = (counts[cluster] ?? 0) + 1;
    const code = statusCodes[feature] ?? 0;
    if (code < statusCount) statusTallies[cluster * statusCount + code] = (statusTallies[cluster * statusCount + code] ?? 0) + 1;
  }
  const count = counts.length;
  const clusters: PointClusters = {
    count,
    positions: new Float32Array(2 * count),
    pointCount: Uint32Array.from(counts),
    statusCode: new Uint16Array(count),
    firstPart: Uint32Array.from(firstParts),
  };
  for (let cluster = 0; cluster < count; cluster++) {
    const members = counts[cluster] ?? 1;
    clusters.positions[2 * cluster] = (sums[2 * cluster] ?? 0) / members;
    clusters.positions[2 * cluster + 1] = (sums[2 * cluster + 1] ?? 0) / members;
    let best = 0;
    for (let code = 1; code < statusCount; code++) {
      if ((statusTallies[cluster * statusCount + code] ?? 0) > (statusTallies[cluster * statusCount + best] ?? 0)) best = code;
    }
    clusters.statusCode[cluster] = best;
  }
  return clusters;
}
