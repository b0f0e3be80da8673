import proj4 from 'proj4';
import type { Ellipsoid } from '../datum/geocentric';
import { isGeographic, type CrsDefinition } from './crsDefinition';

/*
 * x/y of a CRS to longitude/latitude on that CRS's own ellipsoid, with no datum shift at all: the
 * first step of a datum-shift profile (docs/input-rules.md, C11). The definition's +towgs84,
 * +nadgrids and +datum are dropped and the ellipsoid written out as +a/+b on both sides, so proj4
 * has no datum to convert between and changes nothing but the projection.
 */

const ROUND_TRIP_TOLERANCE_METERS = 0.001;

export interface SourceGeodetic {
  ellipsoid: Ellipsoid;
  toGeodetic: (x: number, y: number) => [number, number] | undefined;
  fromGeodetic: (lon: number, lat: number) => [number, number] | undefined;
}

export function sourceGeodetic(definition: Pick<CrsDefinition, 'proj4'>): SourceGeodetic {
  const parsed = new proj4.Proj(definition.proj4);
  const a = Number(parsed.a);
  const b = Number(parsed.b);
  const ellipsoid = `+a=${a} +b=${b}`;
  const bare = definition.proj4.replace(/\s\+(towgs84|nadgrids|datum|ellps|a|b|rf|f)=\S+/g, '').replace(/\s\+type=crs\b/, '');
  const geographic = `+proj=longlat ${ellipsoid} +no_defs`;
  if (isGeographic(definition)) {
    const same = (x: number, y: number): [number, number] | undefined => (Number.isFinite(x) && Number.isFinite(y) && Math.abs(y) <= 90 ? [x, y] : undefined);
    return { ellipsoid: { a, b }, toGeodetic: same, fromGeodetic: same };
  }
  const converter = proj4(`${bare} ${ellipsoid}`, geographic);
  const finite = (point: number[]): [number, number] | undefined => {
    const [first = Number.NaN, second = Number.NaN] = point;
    return Number.isFinite(first) && Number.isFinite(second) ? [first, second] : undefined;
  };
  return {
    ellipsoid: { a, b },
    toGeodetic: (x, y) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
      const lonLat = finite(converter.forward([x, y]));
      if (!lonLat || Math.abs(lonLat[1]) > 90) return undefined;
      const back = finite(converter.inverse(lonLat));
      // Far outside a zone proj4 returns plausible-looking nonsense instead of failing (input rule C9).
      if (!back || !(Math.abs(back[0] - x) <= ROUND_TRIP_TOLERANCE_METERS && Math.abs(back[1] - y) <= ROUND_TRIP_TOLERANCE_METERS)) return undefined;
      return lonLat;
    },
    fromGeodetic: (lon, lat) => finite(converter.inverse([lon, lat])),
  };
}
