import type { PlaneFourProfile } from './datumShiftProfile';

/*
 * The four-parameter similarity in a projected plane, as Chinese bureaus use it between a
 * Xi'an 1980 or Beijing 1954 Gauss-Krüger plane and the CGCS2000 one (docs/input-rules.md, C11):
 *   E′ = dE + k (E cos θ − N sin θ),  N′ = dN + k (E sin θ + N cos θ),  k = 1 + ppm × 10⁻⁶,
 * E easting, N northing as the file holds them, θ counter-clockwise from the easting axis.
 * Surveyors' sheets often write X for northing and Y for easting: the profile's dx is the
 * easting shift, dy the northing shift.
 */

const ARC_SECONDS = Math.PI / (180 * 3600);

export function applyPlaneFour(profile: Pick<PlaneFourProfile, 'dxMeters' | 'dyMeters' | 'rotationArcSeconds' | 'scalePpm'>, easting: number, northing: number): [number, number] {
  const k = 1 + profile.scalePpm * 1e-6;
  const theta = profile.rotationArcSeconds * ARC_SECONDS;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return [profile.dxMeters + k * (easting * cos - northing * sin), profile.dyMeters + k * (easting * sin + northing * cos)];
}
