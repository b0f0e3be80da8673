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

const METERS_PER_INCH = 0.0254;
const SCALE_SIGNIFICANT_DIGITS = 3;

/**
 * The n of a printed map's scale 1 : n, from the ground metres each printed pixel covers at
 * `dotsPerInch`, to three significant digits (the zoom, not a nominal scale, sets it): a map whose
 * pixels cover 2.1 m each at 300 dpi prints at 1 : 24 800.
 */
export function printScaleDenominator(metersPerPrintedPixel: number, dotsPerInch: number): number {
  const denominator = metersPerPrintedPixel / (METERS_PER_INCH / dotsPerInch);
  if (!(denominator > 0) || !Number.isFinite(denominator)) return 0;
  const step = 10 ** (Math.floor(Math.log10(denominator)) - SCALE_SIGNIFICANT_DIGITS + 1);
  return Math.max(1, Math.round(denominator / step) * step);
}
