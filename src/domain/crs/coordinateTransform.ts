import type { CrsDefinition } from './crsDefinition';

/** How positions become lon/lat; absent when they already are. */
export interface CoordinateTransform {
  from: string;
  name: { zh: string; en: string };
  toLonLat: (x: number, y: number) => [number, number] | undefined;
  /** The source CRS, when it has a definition: its area of use is checked after the conversion. */
  definition?: CrsDefinition;
  /** The datum-shift profile applied on the way, by name. */
  datumShift?: string;
  /** Said beside the conversion: a published shift of limited accuracy, the profile used. */
  notes?: { code: 'DATUM_SHIFT_APPROXIMATE'; message: { zh: string; en: string } }[];
}
