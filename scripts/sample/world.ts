/** The natural and built frame every plan layer is placed in. */
import { SEED } from './design';
import { buildDistrict, type District } from './district';
import { GridMap } from './gridMap';
import { buildHills, type Hill } from './hills';
import { Lake } from './lake';
import { Random } from './random';
import { buildRivers, type River } from './rivers';
import { buildStreetGrid, type StreetGrid } from './streetGrid';
import { buildSubDistricts, type SubDistrict } from './subDistricts';
import { localDensityAt } from './zoning';

export interface World {
  grid: GridMap;
  lake: Lake;
  district: District;
  rivers: River[];
  hills: Hill[];
  streets: StreetGrid;
  subDistricts: SubDistrict[];
}

export function buildWorld(): World {
  const grid = new GridMap(Random.forConcern(SEED, 'shore'));
  const lake = new Lake(grid, Random.forConcern(SEED, 'lake'));
  const district = buildDistrict(grid, lake.polygon, Random.forConcern(SEED, 'district'));
  const rivers = buildRivers(grid, lake, Random.forConcern(SEED, 'rivers'));
  const hills = buildHills(grid, SEED);
  const streets = buildStreetGrid(Random.forConcern(SEED, 'streets'), localDensityAt);
  const subDistricts = buildSubDistricts(grid, streets, district);
  return { grid, lake, district, rivers, hills, streets, subDistricts };
}
