/**
 * Calls `visit(i, j)` for each pair of segments whose bounding boxes overlap, by a sweep along x
 * (segments sorted by their west end; Shamos & Hoey 1976, as in JTS's SweepLineIndex used by
 * older IsValidOp): O(n log n) plus the number of x-overlapping pairs, which is near-linear for
 * the rings of real parcels and roads. Stops when `visit` returns true.
 */
export function forEachNearSegmentPair(
  minX: Float64Array,
  maxX: Float64Array,
  minY: Float64Array,
  maxY: Float64Array,
  visit: (i: number, j: number) => boolean,
): void {
  const count = minX.length;
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  order.sort((a, b) => (minX[a] ?? 0) - (minX[b] ?? 0));
  for (let position = 0; position < count; position++) {
    const i = order[position] ?? 0;
    const east = maxX[i] ?? 0;
    const south = minY[i] ?? 0;
    const north = maxY[i] ?? 0;
    for (let next = position + 1; next < count; next++) {
      const j = order[next] ?? 0;
      if ((minX[j] ?? 0) > east) break;
      if ((minY[j] ?? 0) > north || (maxY[j] ?? 0) < south) continue;
      if (visit(i, j)) return;
    }
  }
}
