/** The units a layer's measure is shown in (the manifest's `unit`). Areas are always computed in square metres first. */
export const MEASURE_UNITS = ['ha', 'mu', 'km'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

export const SQUARE_METERS_PER_HECTARE = 10_000;
/** 1 亩 = 1/15 公顷 (the Chinese mu as defined since 1930). */
export const MU_PER_HECTARE = 15;
export const SQUARE_METERS_PER_MU = SQUARE_METERS_PER_HECTARE / MU_PER_HECTARE;
export const METERS_PER_KILOMETER = 1_000;

export function squareMetersToHectares(areaSquareMeters: number): number {
  return areaSquareMeters / SQUARE_METERS_PER_HECTARE;
}

/** Multiplies by 15 before dividing so that whole hectares give whole multiples of 15 mu. */
export function squareMetersToMu(areaSquareMeters: number): number {
  return (areaSquareMeters * MU_PER_HECTARE) / SQUARE_METERS_PER_HECTARE;
}

export function metersToKilometers(lengthMeters: number): number {
  return lengthMeters / METERS_PER_KILOMETER;
}

/** A layer's measure in its display unit: hectares or mu from the area, kilometres from the length. */
export function measureInUnit(unit: MeasureUnit, areaSquareMeters: number, lengthMeters: number): number {
  switch (unit) {
    case 'ha':
      return squareMetersToHectares(areaSquareMeters);
    case 'mu':
      return squareMetersToMu(areaSquareMeters);
    case 'km':
      return metersToKilometers(lengthMeters);
  }
}
