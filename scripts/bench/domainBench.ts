import type { Polygon, Position } from 'geojson';
import { area as turfArea } from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import { areaSquareMeters } from '../../src/domain/measure/areaSquareMeters';
import { errorCheckPolygons, speedCheckPolygons } from './areaPolygons';

export interface AreaBenchResult {
  polygons: number;
  /** Polygons per second in the fastest of the interleaved passes (the least disturbed by other processes). */
  oursPerSecond: number;
  turfPerSecond: number;
  geographicLibPerSecond: number;
  errorPolygons: number;
  /** Largest |ours − GeographicLib| / GeographicLib over polygons from 100 m² to 1000 km². */
  maxRelativeError: number;
  turfMaxRelativeError: number;
}

const wgs84 = geographiclib.Geodesic.WGS84;

/** The ellipsoidal reference: GeographicLib's polygon area per ring, holes subtracted. */
export function geographicLibArea(polygon: Polygon): number {
  let total = 0;
  polygon.coordinates.forEach((ring: Position[], index) => {
    const area = wgs84.Polygon(false);
    // GeographicLib closes rings itself: leave out the repeated last vertex.
    for (let vertex = 0; vertex < ring.length - 1; vertex++) area.AddPoint(ring[vertex]?.[1] ?? Number.NaN, ring[vertex]?.[0] ?? Number.NaN);
    total += (index === 0 ? 1 : -1) * Math.abs(area.Compute(false, true).area ?? Number.NaN);
  });
  return total;
}

type AreaMethod = (polygon: Polygon) => number;

/** Seconds for one round over `polygons`, timed over `rounds` rounds. */
function passSeconds(method: AreaMethod, polygons: readonly Polygon[], rounds = 1): number {
  const started = performance.now();
  let sink = 0;
  for (let round = 0; round < rounds; round++) for (const polygon of polygons) sink += method(polygon);
  const elapsed = (performance.now() - started) / 1000 / rounds;
  // Using the sum keeps the loop from being optimised away.
  return Number.isFinite(sink) ? elapsed : Number.NaN;
}

/**
 * Each timed pass lasts at least this long: a 5 ms pass (the app's function over 20,000 parcels)
 * moved by a third between runs with the machine's timer and scheduling noise.
 */
const MIN_PASS_SECONDS = 0.1;

/**
 * Area in Node: throughput of the app's areaSquareMeters, turf.area and GeographicLib over the
 * same parcels (passes interleaved, after a warm-up), and the error against GeographicLib.
 */
export function runAreaBench(speedPolygons = 20000, errorPolygons = 3000, passes = 9): AreaBenchResult {
  const parcels = speedCheckPolygons(speedPolygons, 7);
  const methods: Record<'ours' | 'turf' | 'geographicLib', AreaMethod> = {
    ours: (polygon) => areaSquareMeters(polygon),
    turf: (polygon) => turfArea(polygon),
    geographicLib: geographicLibArea,
  };
  const times: Record<keyof typeof methods, number[]> = { ours: [], turf: [], geographicLib: [] };
  const names = Object.keys(methods) as (keyof typeof methods)[];
  // The warm-up pass also sets how many rounds make a pass of MIN_PASS_SECONDS.
  const rounds = Object.fromEntries(names.map((name) => [name, Math.max(1, Math.ceil(MIN_PASS_SECONDS / passSeconds(methods[name], parcels)))])) as Record<keyof typeof methods, number>;
  for (let pass = 0; pass < passes; pass++) {
    for (const name of names) times[name].push(passSeconds(methods[name], parcels, rounds[name]));
  }
  let maxRelativeError = 0;
  let turfMaxRelativeError = 0;
  for (const polygon of errorCheckPolygons(errorPolygons, 11)) {
    const reference = geographicLibArea(polygon);
    maxRelativeError = Math.max(maxRelativeError, Math.abs(areaSquareMeters(polygon) - reference) / reference);
    turfMaxRelativeError = Math.max(turfMaxRelativeError, Math.abs(turfArea(polygon) - reference) / reference);
  }
  return {
    polygons: parcels.length,
    oursPerSecond: parcels.length / Math.min(...times.ours),
    turfPerSecond: parcels.length / Math.min(...times.turf),
    geographicLibPerSecond: parcels.length / Math.min(...times.geographicLib),
    errorPolygons,
    maxRelativeError,
    turfMaxRelativeError,
  };
}
