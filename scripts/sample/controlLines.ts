/**
 * The sample's control lines (三区三线 and the lakeshore protection line), drawn from the same
 * world as the plan layers: the ecological red line around the two hills and the shore wetland
 * in the west, permanent basic farmland on the rural edge, the urban development boundary
 * around the built-up area, and a protection band along the lake. A few projects cross them on
 * purpose, so the conflicts view has something to show.
 */
import { controlLinesFor } from '../../src/domain/control/controlLinesFor';
import { buffer, difference, featureCollection, truncate, union } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { ControlLineDefinition } from '../../src/domain/control/controlLineContract';
import { controlConflicts } from '../../src/domain/control/controlConflicts';
import { controlLineShape } from '../../src/domain/control/controlLineShape';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { add, at, scale, sub, type Point, type Poly, type Ring } from './geometry';
import { intersectPolys, subtractPolys } from './clip';
import { cornersToRing } from './outline';
import { polyToLonLat } from './projection';
import type { World } from './world';

/** Plan layers round to 7 decimals; reference lines need no more than a decimetre. */
const CONTROL_DECIMALS = 6;

type ControlLineId = 'eco-red-line' | 'basic-farmland' | 'urban-boundary' | 'lakeshore-protection';

/**
 * The conflicts the sample keeps on purpose: a plot on basic farmland outside the urban
 * boundary, a hill park reaching into the red line, a plot beyond the boundary, a lakeside
 * greenway inside the protection band. Every other project is kept clear of every line.
 */
export const DELIBERATE_CONFLICTS: readonly { layerId: string; featureId: string; controlLineId: ControlLineId }[] = [
  { layerId: 'idle-land', featureId: 'IL-061', controlLineId: 'basic-farmland' },
  { layerId: 'idle-land', featureId: 'IL-061', controlLineId: 'urban-boundary' },
  { layerId: 'green-space', featureId: 'GS-003', controlLineId: 'eco-red-line' },
  { layerId: 'idle-land', featureId: 'IL-001', controlLineId: 'urban-boundary' },
  { layerId: 'green-space', featureId: 'GS-046', controlLineId: 'lakeshore-protection' },
];

/** How far a line is kept from a project it must not touch: far beyond rounding, close enough to read as drawn around it. */
const CLEARANCE_METERS = 12;

function feature(name: string, polys: readonly Poly[]): Feature[] {
  if (polys.length === 0) return [];
  const geometry = polys.length === 1
    ? { type: 'Polygon' as const, coordinates: polyToLonLat(at(polys, 0), CONTROL_DECIMALS) }
    : { type: 'MultiPolygon' as const, coordinates: polys.map((poly) => polyToLonLat(poly, CONTROL_DECIMALS)) };
  return [{ type: 'Feature', properties: { name }, geometry }];
}

/** A ring grown about its centre: the protected slope reaches past the wooded outline. */
function grown(ring: Ring, center: Point, factor: number): Ring {
  return ring.map((p) => add(center, scale(sub(p, center), factor)));
}

/** A grid rectangle (s along the shore, v inland) clipped to the district's land. */
function landIn(world: World, corners: readonly Point[]): Poly[] {
  return intersectPolys(world.district.land, [cornersToRing(world.grid, corners)]);
}

const rect = (s0: number, v0: number, s1: number, v1: number): Point[] => [[s0, v0], [s1, v0], [s1, v1], [s0, v1]];

function nominalLines(world: World): Record<ControlLineId, Feature[]> {
  const hills = world.hills.map((hill) => ({
    name: `${hill.name}生态保护红线`,
    polys: intersectPolys(world.district.land, [grown(hill.outline, hill.summit, 1.35)]),
  }));
  const wetland = landIn(world, rect(-5600, -400, -4100, 140));
  const redLine = [...hills.flatMap((hill) => hill.polys), ...wetland];
  const farmlandWest = subtractPolys(at(landIn(world, rect(-6400, 900, -5050, 6000)), 0), redLine);
  const farmlandNorth = subtractPolys(at(landIn(world, rect(-3000, 6750, 2300, 8400)), 0), redLine);
  const urban = subtractPolys(at(landIn(world, rect(-5000, -900, 6200, 6350)), 0), redLine);
  const shoreBand = landIn(world, rect(-4100, -400, 5800, 45));
  return {
    'eco-red-line': [...hills.flatMap((hill) => feature(hill.name, hill.polys)), ...feature('明湖西岸湿地生态保护红线', wetland)],
    'basic-farmland': [...feature('西部永久基本农田', farmlandWest), ...feature('北部永久基本农田', farmlandNorth)],
    'urban-boundary': feature('湖滨区城镇开发边界', urban),
    'lakeshore-protection': feature('明湖湖岸保护线', shoreBand),
  };
}

type Area = Feature<Polygon | MultiPolygon>;

/** A forbidden line gives way around the projects; a boundary takes them in. */
function cleared(features: readonly Feature[], footprints: readonly Area[], takeIn: boolean): Feature[] {
  if (footprints.length === 0) return [...features];
  return features.flatMap((area) => {
    const result = takeIn
      ? union(featureCollection([area as Area, ...footprints]))
      : difference(featureCollection([area as Area, ...footprints]));
    if (!result) return [];
    return [truncate({ ...result, properties: area.properties }, { precision: CONTROL_DECIMALS, mutate: true })];
  });
}

function footprint(project: PlanFeature): Area | null {
  if (!project.geometry) return null;
  const grownProject = buffer(project as Feature<Geometry>, CLEARANCE_METERS, { units: 'meters' });
  return grownProject?.geometry.type === 'Polygon' || grownProject?.geometry.type === 'MultiPolygon' ? (grownProject as Area) : null;
}

/**
 * The four control-line files, in the order of `definitions` (layers.json's controlLines): each
 * drawn from the world, then kept clear of every project except the deliberate conflicts.
 */
export function buildControlLines(world: World, definitions: readonly ControlLineDefinition[], layers: ReadonlyMap<string, PlanFeature[]>): Map<string, Feature[]> {
  const nominal = nominalLines(world);
  const files = new Map<string, Feature[]>();
  for (const definition of definitions) {
    const features = Object.hasOwn(nominal, definition.id) ? nominal[definition.id as ControlLineId] : [];
    const shape = controlLineShape(definition, features as Feature<Geometry>[]);
    const footprints: Area[] = [];
    for (const [layerId, projects] of layers)
      for (const project of projects) {
        const deliberate = DELIBERATE_CONFLICTS.some((kept) => kept.layerId === layerId && kept.featureId === project.id && kept.controlLineId === definition.id);
        if (deliberate || controlConflicts(project.geometry, controlLinesFor(layerId, [shape])).length === 0) continue;
        const grownProject = footprint(project);
        if (grownProject) footprints.push(grownProject);
      }
    files.set(definition.id, cleared(features, footprints, definition.rule === 'outside-forbidden'));
  }
  return files;
}

/** Problems when the written lines give conflicts other than the deliberate ones. */
export function controlConflictProblems(definitions: readonly ControlLineDefinition[], files: ReadonlyMap<string, Feature[]>, layers: ReadonlyMap<string, PlanFeature[]>): string[] {
  const shapes = definitions.map((definition) => controlLineShape(definition, (files.get(definition.id) ?? []) as Feature<Geometry>[]));
  const found: string[] = [];
  for (const [layerId, projects] of layers)
    for (const project of projects)
      for (const conflict of controlConflicts(project.geometry, controlLinesFor(layerId, shapes))) found.push(`${layerId}/${project.id} × ${conflict.controlLineId}`);
  const expected = DELIBERATE_CONFLICTS.map((kept) => `${kept.layerId}/${kept.featureId} × ${kept.controlLineId}`);
  const problems = found.filter((text) => !expected.includes(text)).map((text) => `unplanned control-line conflict ${text}`);
  problems.push(...expected.filter((text) => !found.includes(text)).map((text) => `deliberate control-line conflict ${text} is missing`));
  return problems;
}
