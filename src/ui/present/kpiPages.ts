/**
 * KPI tiles in pages of what the column holds legibly (two rows of its columns): a plan of twelve
 * layers shows six at a time rather than shrinking every figure below what a room can read.
 */
export function kpiPages<T>(tiles: readonly T[], perPage: number): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const pages: T[][] = [];
  for (let start = 0; start < tiles.length; start += size) pages.push(tiles.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/** The page holding `key`, or `fallback` when no page does. */
export function pageOf<T>(pages: readonly (readonly T[])[], key: T, fallback: number): number {
  const index = pages.findIndex((page) => page.includes(key));
  return index >= 0 ? index : fallback;
}
