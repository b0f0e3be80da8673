import type { Geometry } from 'geojson';
import { readWkb, WkbError } from './readWkb';

/*
 * A GeoPackage geometry blob (GeoPackage 1.3, §2.1.3 "GeoPackageBinary"): "GP", a version byte, a
 * flags byte, an int32 srs_id, an optional envelope, then WKB. Flags: bit 0 the header's byte
 * order, bits 1–3 the envelope (0 none, 1 [minx, maxx, miny, maxy], 2 and 3 with Z or M, 4 with
 * both), bit 4 an empty geometry, bit 5 an extended (non-standard) geometry type.
 */

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

/** Null for an empty geometry; throws WkbError for a blob that is not a standard GeoPackage geometry. */
export function geoPackageGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new WkbError('the value does not start with the GeoPackage geometry header "GP"');
  const flags = blob[3] ?? 0;
  if ((flags & 0b100000) !== 0) throw new WkbError('an extended (non-standard) GeoPackage geometry type');
  const envelope = ENVELOPE_DOUBLES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new WkbError(`an invalid envelope code ${(flags >> 1) & 0b111}`);
  if ((flags & 0b10000) !== 0) return null;
  return readWkb(blob, 8 + envelope * 8);
}
