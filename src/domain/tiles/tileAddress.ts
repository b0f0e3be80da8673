/** A tile of the Web Mercator pyramid (XYZ, y down, as MapLibre and ST_TileEnvelope number them). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/**
 * The deepest zoom served. ST_TileEnvelope takes zooms up to 31, but past 22 a tile is under 10 m
 * wide at this latitude: MapLibre over-zooms the z22 tile instead of asking for deeper ones.
 */
export const MAX_TILE_ZOOM = 22;

const DIGITS = /^\d{1,8}$/;

/** The address in three URL segments, or null unless each is a whole number inside the pyramid. */
export function parseTileAddress(zText: string, xText: string, yText: string): TileAddress | null {
  if (!DIGITS.test(zText) || !DIGITS.test(xText) || !DIGITS.test(yText)) return null;
  const z = Number(zText);
  const x = Number(xText);
  const y = Number(yText);
  if (z > MAX_TILE_ZOOM) return null;
  const side = 2 ** z;
  return x < side && y < side ? { z, x, y } : null;
}
