/**
 * The fixed design of the fictional 湖滨区: where the lake, hills, rivers and quarters lie.
 * Positions are in grid coordinates (metres): `s` runs along the lake shore towards the
 * south-east, `v` runs inland from the shore towards the north-north-east.
 */
import type { Point } from './geometry';

export const SEED = 20240101;

/** Local metres are measured from this point; it sits near the middle of the district's land. */
export const ORIGIN_LON_LAT: Point = [102.7, 25.0];

/** The shore's overall direction, counter-clockwise from east. */
export const SHORE_ANGLE_DEGREES = -20;

/** Where grid coordinate (0, 0) lies, in local metres. */
export const GRID_ORIGIN_METERS: Point = [-1368, -3759];

export interface ShoreBump {
  s: number;
  /** Positive moves the shore inland (a bay), negative out into the lake (a headland). */
  amplitudeMeters: number;
  sigmaMeters: number;
}

/** Curvature radius stays above 2.5 km, so grid lines offset from the shore never fold. */
export const SHORE_BUMPS: readonly ShoreBump[] = [
  { s: -2600, amplitudeMeters: 650, sigmaMeters: 1300 },
  { s: 1500, amplitudeMeters: -450, sigmaMeters: 1100 },
  { s: 4700, amplitudeMeters: 380, sigmaMeters: 1050 },
];

/** Over this distance from the shore the street grid straightens from shore-parallel to straight. */
export const SHORE_BLEND_METERS = 3200;

/** The lakeside avenue (滨湖大道) follows the shore at this grid distance. */
export const LAKESIDE_ROAD_V = 330;

export interface HillDesign {
  name: string;
  center: Point;
  radiusMeters: number;
  summitElevationMeters: number;
}

export const HILLS: readonly HillDesign[] = [
  { name: '凤鸣山', center: [3700, 6300], radiusMeters: 650, summitElevationMeters: 2146 },
  { name: '青龙山', center: [-3900, 6500], radiusMeters: 520, summitElevationMeters: 2068 },
];

/** Surface of the lake, metres above sea level (the real 滇池 lies at about 1887 m). */
export const LAKE_LEVEL_METERS = 1887;

export interface RiverDesign {
  name: string;
  /** Grid `s` where the river reaches the shore. */
  mouthS: number;
  /** Change of `s` per metre of `v`: the river's lean. */
  lean: number;
  sourceV: number;
  mouthWidthMeters: number;
  sourceWidthMeters: number;
}

export const RIVERS: readonly RiverDesign[] = [
  { name: '清水河', mouthS: -2350, lean: 0.1, sourceV: 9200, mouthWidthMeters: 55, sourceWidthMeters: 24 },
  { name: '玉带河', mouthS: 650, lean: -0.06, sourceV: 9200, mouthWidthMeters: 48, sourceWidthMeters: 20 },
  { name: '金汁河', mouthS: 4550, lean: 0.12, sourceV: 9200, mouthWidthMeters: 42, sourceWidthMeters: 20 },
];

/** The district in grid coordinates, before its edges are roughened. */
export const DISTRICT_OUTLINE: readonly Point[] = [
  [-5900, -650],
  [-2000, -700],
  [2200, -650],
  [6000, -600],
  [6150, 2400],
  [5900, 5600],
  [4700, 7600],
  [2000, 8100],
  [-1500, 8300],
  [-4300, 7900],
  [-6100, 6300],
  [-6300, 2800],
];

/** The outline's first four points run through the lake; only the land edges are roughened. */
export const DISTRICT_LAKE_EDGE_POINTS = 4;

/** Quarters of the district, in grid coordinates: they decide what each block becomes. */
export const OLD_TOWN = { center: [-900, 3300] as Point, radiusMeters: 2300 };
