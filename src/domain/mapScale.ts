/** WGS 84 equatorial circumference in metres (2πa, a = 6378137 m): Web Mercator's ground scale. */
const EQUATORIAL_CIRCUMFERENCE_METERS = 2 * Math.PI * 6_378_137;
/** MapLibre's world is 512 CSS pixels wide at zoom 0. */
const WORLD_PIXELS_AT_ZOOM_ZERO = 512;

/** Ground metres per CSS pixel of a Web Mercator map at a latitude and zoom. */
export function metersPerPixel(latitudeDegrees: number, zoom: number): number {
  return (EQUATORIAL_CIRCUMFERENCE_METERS * Math.cos((latitudeDegrees * Math.PI) / 180)) / (WORLD_PIXELS_AT_ZOOM_ZERO * 2 ** zoom);
}

/**
 * The longest round length (1, 2 or 5 times a power of ten metres) that fits in `maxMeters`, for a
 * scale bar people can read at a glance.
 */
export function roundScaleLengthMeters(maxMeters: number): number {
  if (!(maxMeters > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxMeters));
  const leading = maxMeters / power;
  return (leading >= 5 ? 5 : leading >= 2 ? 2 : 1) * power;
}
