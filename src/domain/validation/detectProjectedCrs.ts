import { projectedCrs, toLonLat } from './projectedCrs';

/*
 * Names the projected CRS that coordinates without a `crs` member were probably written in, from
 * their magnitudes (docs/input-rules.md, C3), so the message can say what to declare:
 *   8-digit eastings 25–45 million: CGCS2000 3° Gauss-Krüger with the zone prefixed (zone = millions);
 *   13–23 million: 6° Gauss-Krüger with zone prefix, or Web Mercator east of 117°E;
 *   6-digit eastings (166 000–834 000) with 7-digit northings: Gauss-Krüger without prefix or UTM;
 *   otherwise within ±20 037 508 m: Web Mercator.
 * The guess never reprojects anything by itself; with district bounds, candidates whose
 * reprojection lands far from the district are dropped.
 */

export interface ProjectedGuess {
  /** Candidate EPSG codes, most likely first (empty when only a family can be named). */
  codes: number[];
  /** The family, in words, for when no single code can be named. */
  family: { zh: string; en: string };
}

const WEB_MERCATOR_LIMIT = 20037508.35;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);
/** UTM zones 43–53 cover China. */
const CHINA_UTM = range(32643, 32653);

function candidates(west: number, south: number, east: number, north: number): ProjectedGuess | undefined {
  const zone = Math.floor(west / 1e6);
  const sameZone = zone === Math.floor(east / 1e6);
  const northingLike = south >= -10_000_000 && north <= 10_000_000;
  if (sameZone && northingLike && zone >= 25 && zone <= 45)
    return { codes: [4513 + zone - 25], family: { zh: 'CGCS2000 3 度带高斯-克吕格（带号前缀）', en: 'CGCS2000 3° Gauss-Krüger with zone prefix' } };
  if (sameZone && northingLike && zone >= 13 && zone <= 23) {
    const codes = [4491 + zone - 13];
    if (east <= WEB_MERCATOR_LIMIT) codes.push(3857);
    return { codes, family: { zh: 'CGCS2000 6 度带高斯-克吕格（带号前缀）或 Web 墨卡托', en: 'CGCS2000 6° Gauss-Krüger with zone prefix, or Web Mercator' } };
  }
  if (west >= 100_000 && east <= 900_000 && northingLike)
    return {
      codes: [...range(4534, 4554), ...range(4502, 4512), ...CHINA_UTM],
      family: { zh: '无带号的高斯-克吕格（EPSG:4534–4554 三度带、4502–4512 六度带）或 UTM（EPSG:326xx）', en: 'Gauss-Krüger without zone prefix (EPSG:4534–4554 3°, 4502–4512 6°) or UTM (EPSG:326xx)' },
    };
  if (Math.max(Math.abs(west), Math.abs(east), Math.abs(south), Math.abs(north)) <= WEB_MERCATOR_LIMIT)
    return { codes: [3857], family: { zh: 'Web 墨卡托', en: 'Web Mercator' } };
  return undefined;
}

/** The likely CRS of projected coordinates with bounding box [west, south, east, north]. */
export function detectProjectedCrs(bbox: readonly [number, number, number, number], districtBounds?: readonly [number, number, number, number]): ProjectedGuess | undefined {
  const [west, south, east, north] = bbox;
  const guess = candidates(west, south, east, north);
  if (!guess || !districtBounds) return guess;
  const [dWest, dSouth, dEast, dNorth] = districtBounds;
  const margin = 0.5;
  const centerX = (west + east) / 2;
  const centerY = (south + north) / 2;
  const near = guess.codes.filter((code) => {
    const crs = projectedCrs(code);
    const lonLat = crs ? toLonLat(crs)(centerX, centerY) : undefined;
    return lonLat !== undefined && lonLat[0] >= dWest - margin && lonLat[0] <= dEast + margin && lonLat[1] >= dSouth - margin && lonLat[1] <= dNorth + margin;
  });
  return near.length > 0 ? { codes: near, family: guess.family } : guess;
}
