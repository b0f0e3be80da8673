import type { BursaWolfProfile } from './datumShiftProfile';

/*
 * The seven-parameter Bursa-Wolf (Helmert) transformation of geocentric coordinates, EPSG
 * Guidance Note 7-2, methods 9606 (position vector) and 9607 (coordinate frame):
 *   X′ = T + (1 + s·10⁻⁶) · R · X,  R = [[1, −rz, ry], [rz, 1, −rx], [−ry, rx, 1]] (position vector)
 * with rotations in radians. The coordinate-frame convention describes the same rotation with the
 * opposite signs, so its rotations are negated first (docs/input-rules.md, C11). proj4's
 * +towgs84 uses the position-vector convention.
 */

const ARC_SECONDS = Math.PI / (180 * 3600);

/** Rotations in radians, position-vector convention; scale as a factor (1 + ppm × 10⁻⁶). */
export interface HelmertParameters {
  translationMeters: [number, number, number];
  rotationRadians: [number, number, number];
  scaleFactor: number;
}

export function helmertParameters(profile: Pick<BursaWolfProfile, 'convention' | 'dxMeters' | 'dyMeters' | 'dzMeters' | 'rxArcSeconds' | 'ryArcSeconds' | 'rzArcSeconds' | 'scalePpm'>): HelmertParameters {
  const sign = profile.convention === 'position-vector' ? 1 : -1;
  return {
    translationMeters: [profile.dxMeters, profile.dyMeters, profile.dzMeters],
    rotationRadians: [sign * profile.rxArcSeconds * ARC_SECONDS, sign * profile.ryArcSeconds * ARC_SECONDS, sign * profile.rzArcSeconds * ARC_SECONDS],
    scaleFactor: 1 + profile.scalePpm * 1e-6,
  };
}

export function applyHelmert(parameters: HelmertParameters, [x, y, z]: readonly [number, number, number]): [number, number, number] {
  const [tx, ty, tz] = parameters.translationMeters;
  const [rx, ry, rz] = parameters.rotationRadians;
  const m = parameters.scaleFactor;
  return [
    tx + m * (x - rz * y + ry * z),
    ty + m * (rz * x + y - rx * z),
    tz + m * (-ry * x + rx * y + z),
  ];
}
