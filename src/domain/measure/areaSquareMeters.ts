import type { Geometry, Position } from 'geojson';

/*
 * Ellipsoidal polygon area by the equal-area (authalic) sphere.
 *
 * Each geodetic latitude φ is mapped to its authalic latitude β on a sphere of radius R_q
 * with the same surface area as the WGS84/CGCS2000 ellipsoid (Snyder, "Map Projections: A
 * Working Manual", USGS PP 1395, 1987, eqs. 3-11, 3-12). The map is equal-area, so the area
 * of the ring on that sphere is the area on the ellipsoid, once each edge is corrected for
 * the small difference between an ellipsoidal geodesic and a great circle on that sphere.
 *
 * Each edge contributes the signed spherical excess E of the quadrilateral between the edge,
 * two meridians and the equator (Bevis & Cambareri, "Computing the area of a spherical
 * polygon of arbitrary shape", Math. Geology 19, 1987; the f = 0 case of the area term in
 * Karney, "Algorithms for geodesics", J. Geodesy 87, 2013):
 *   tan(E/2) = tan(Δλ/2) · (t₁ + t₂) / (1 + t₁t₂),  t = tan(β/2).
 * Unlike the trapezoid rule of turf.area (Chamberlain & Duquette 2007), this is exact for
 * great-circle edges; the trapezoid rule is off by ~1e-3 for 1000 km² triangles.
 */

const SEMI_MAJOR_AXIS_METERS = 6378137;
const FLATTENING = 1 / 298.257223563;
const ECCENTRICITY_SQUARED = FLATTENING * (2 - FLATTENING);
const ECCENTRICITY = Math.sqrt(ECCENTRICITY_SQUARED);
const SEMI_MINOR_AXIS_METERS = SEMI_MAJOR_AXIS_METERS * (1 - FLATTENING);

/** R_q² = (a² + b² atanh(e)/e) / 2: the authalic radius squared (Snyder eq. 3-13). */
const AUTHALIC_RADIUS_SQUARED =
  (SEMI_MAJOR_AXIS_METERS ** 2 +
    (SEMI_MINOR_AXIS_METERS ** 2 * Math.atanh(ECCENTRICITY)) / ECCENTRICITY) /
  2;

/*
 * sin β = q(x) / q_p with x = sin φ and
 *   q(x) = (1 − e²) [x / (1 − e²x²) + atanh(e x) / e]     (Snyder eq. 3-12)
 *        = (1 − e²) Σₖ 2(k+1)/(2k+1) e²ᵏ x²ᵏ⁺¹,
 * a power series that avoids a logarithm per vertex. Areas depend on d(sin β)/dφ, where five
 * terms leave a relative error below 11·e¹⁰ ≈ 1.5e-10 (at the poles; 1e-18 at 25°).
 */
const POLE_Q_OVER_ONE_MINUS_E2 = 1 / (1 - ECCENTRICITY_SQUARED) + Math.atanh(ECCENTRICITY) / ECCENTRICITY;
function authalicCoefficient(k: number): number {
  return ((2 * (k + 1)) / (2 * k + 1)) * ECCENTRICITY_SQUARED ** k / POLE_Q_OVER_ONE_MINUS_E2;
}
const C0 = authalicCoefficient(0);
const C1 = authalicCoefficient(1);
const C2 = authalicCoefficient(2);
const C3 = authalicCoefficient(3);
const C4 = authalicCoefficient(4);

/** e²/6, the factor of the geodesic-versus-great-circle term; see edgeExcess. */
const GEODESIC_BULGE_FACTOR = ECCENTRICITY_SQUARED / 6;

const RADIANS_PER_DEGREE = Math.PI / 180;
const HALF_RADIANS_PER_DEGREE = Math.PI / 360;

/*
 * Below this |Δλ/2| (radians; 0.115° of longitude, 11.6 km at 25° N) the excess is taken from
 * its Taylor series in h = Δλ/2; the first neglected term is below 2h⁴/15 ≈ 1.3e-13 relative
 * per edge. Longer edges call tan and atan.
 */
const SERIES_HALF_LONGITUDE_LIMIT = 0.001;

/** sin β for the authalic latitude β of geodetic latitude `latitudeDegrees`. */
function sinAuthalicLatitude(latitudeDegrees: number): number {
  const x = Math.sin(latitudeDegrees * RADIANS_PER_DEGREE);
  const x2 = x * x;
  const x4 = x2 * x2;
  // Estrin's scheme: shorter dependency chains than Horner, the same terms.
  return x * (C0 + C1 * x2 + x4 * (C2 + C3 * x2 + x4 * C4));
}

/*
 * The excess of one edge from sin and cos of its end latitudes. With m and d the half sum and
 * half difference of β₁, β₂: (t₁ + t₂)/(1 + t₁t₂) = sin m / cos d = (s₁ + s₂)/(1 + c₁c₂ + s₁s₂).
 * For small h = Δλ/2, 2 atan(S tan h) = 2Sh [1 + h²w/3 + h⁴w(3w − 1)/15 + O(h⁶)], w = 1 − S²,
 * and 2S = (s₁ + s₂) · 2/(1 + c₁c₂ + s₁s₂).
 *
 * An ellipsoidal geodesic is not mapped onto a great circle of the authalic sphere. From
 * Clairaut's relation and the map's scale factors (1 − (e²/6)cos²φ along parallels, its inverse
 * along meridians), its image has geodesic curvature κ = (e²/a) sin φ cos φ sin α to first order
 * in e² (α: azimuth); the area between such an arc of length σ and its chord is κσ³/12, i.e.
 * ΔE = (e²/6) sin β̄ cos² β̄ h σ² per edge, evaluated as (e²/6) · ((s₁ + s₂)/2) · c₁c₂ · h ·
 * 2(2 − D + 2c₁c₂h²) with D = 1 + c₁c₂ + s₁s₂ = 1 + cos Δβ, since σ² ≈ 2(1 − cos Δβ) + 4c₁c₂h².
 * Without this term 1000 km² triangles are off by up to 1.6e-6, with it by 1e-8 (derived here;
 * checked against GeographicLib in the tests).
 */
function edgeExcess(deltaLongitudeDegrees: number, s1: number, c1: number, s2: number, c2: number): number {
  const h = deltaLongitudeDegrees * HALF_RADIANS_PER_DEGREE;
  const h2 = h * h;
  const sinSum = s1 + s2;
  const c1c2 = c1 * c2;
  const denominator = 1 + c1c2 + s1 * s2;
  const inverseDenominator = 1 / denominator;
  const bulge = GEODESIC_BULGE_FACTOR * c1c2 * (2 - denominator + 2 * c1c2 * h2);
  if (h > SERIES_HALF_LONGITUDE_LIMIT || h < -SERIES_HALF_LONGITUDE_LIMIT) {
    return longEdgeExcess(h, sinSum * inverseDenominator) + bulge * sinSum * h;
  }
  const slope = sinSum * inverseDenominator;
  return h * sinSum * (2 * inverseDenominator * (1 + h2 * (1 - slope * slope) * (1 / 3)) + bulge);
}

/** Kept out of edgeExcess so that the hot, short-edge path stays small enough to inline. */
function longEdgeExcess(h: number, slope: number): number {
  return 2 * Math.atan(Math.tan(h) * slope);
}

/** cos from sin for |angle| ≤ 90°; the guard absorbs a rounded |sin| a hair above 1. */
function cosOf(sin: number): number {
  const square = 1 - sin * sin;
  return square > 0 ? Math.sqrt(square) : 0;
}

/** Absolute area of one ring on the unit authalic sphere (steradians). */
function ringSteradians(ring: readonly Position[]): number {
  const count = ring.length;
  const first = ring[0];
  if (count < 3 || !first) return 0;
  const firstLongitude = first[0] ?? Number.NaN;
  const firstSin = sinAuthalicLatitude(first[1] ?? Number.NaN);
  const firstCos = cosOf(firstSin);
  let longitude = firstLongitude;
  let sin = firstSin;
  let cos = firstCos;
  let excess = 0;
  // Net eastward crossings of the antimeridian: non-zero only for a ring around a pole.
  let antimeridianCrossings = 0;
  for (let i = 1; i <= count; i++) {
    let nextLongitude = firstLongitude;
    let nextSin = firstSin;
    let nextCos = firstCos;
    // i === count closes the ring; for a ring already closed that edge is empty and adds 0.
    if (i < count) {
      const position = ring[i];
      if (!position) return 0;
      nextLongitude = position[0] ?? Number.NaN;
      nextSin = sinAuthalicLatitude(position[1] ?? Number.NaN);
      nextCos = cosOf(nextSin);
    }
    let delta = nextLongitude - longitude;
    if (delta > 180) {
      delta -= 360;
      antimeridianCrossings -= 1;
    } else if (delta < -180) {
      delta += 360;
      antimeridianCrossings += 1;
    }
    excess += edgeExcess(delta, sin, cos, nextSin, nextCos);
    longitude = nextLongitude;
    sin = nextSin;
    cos = nextCos;
  }
  if (!Number.isFinite(excess)) return 0;
  const absoluteExcess = Math.abs(excess);
  // Around a pole the sum measured the part between the ring and the equator instead.
  return antimeridianCrossings === 0 ? absoluteExcess : 2 * Math.PI - absoluteExcess;
}

function polygonSteradians(rings: readonly (readonly Position[])[]): number {
  const exterior = rings[0];
  if (!Array.isArray(exterior)) return 0;
  let total = ringSteradians(exterior);
  for (let i = 1; i < rings.length; i++) {
    const hole = rings[i];
    if (Array.isArray(hole)) total -= ringSteradians(hole);
  }
  return total;
}

/**
 * Area in square metres on the WGS84 ellipsoid (= CGCS2000 at this precision) of a Polygon or
 * MultiPolygon: each exterior ring minus its holes, summed over parts. Ring orientation does
 * not matter. Null, empty and non-areal geometries measure 0; malformed rings count as 0.
 */
export function areaSquareMeters(geometry: Geometry | null | undefined): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Polygon':
      return Array.isArray(geometry.coordinates) ? polygonSteradians(geometry.coordinates) * AUTHALIC_RADIUS_SQUARED : 0;
    case 'MultiPolygon': {
      const parts = geometry.coordinates;
      if (!Array.isArray(parts)) return 0;
      let steradians = 0;
      for (const part of parts) if (Array.isArray(part)) steradians += polygonSteradians(part);
      return steradians * AUTHALIC_RADIUS_SQUARED;
    }
    case 'GeometryCollection': {
      let total = 0;
      if (Array.isArray(geometry.geometries)) for (const member of geometry.geometries) total += areaSquareMeters(member);
      return total;
    }
    default:
      return 0;
  }
}
