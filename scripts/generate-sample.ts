/**
 * Writes the bundled fictional district 湖滨区 (Hubin District): its plan layers, the offline
 * basemap and the fitted parts of geodata/layers.json. Deterministic: every run writes the same
 * bytes. Run with `npm run generate-sample`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { buildBasemap } from './sample/basemap';
import { buildBasemapRoads } from './sample/basemapRoads';
import { buildBlocks, riverCuts } from './sample/blocks';
import { checkSample } from './sample/checkSample';
import { buildControlLines, controlConflictProblems } from './sample/controlLines';
import { SEED } from './sample/design';
import { at } from './sample/geometry';
import { planParks, planPocketParks, planRiverside } from './sample/greenSpace';
import { planIdleLand } from './sample/idleLand';
import { buildLabels } from './sample/labels';
import { planShore } from './sample/lakeshore';
import { fitDistrictView, readManifest, writeManifest } from './sample/manifestFile';
import { planNewRoads } from './sample/newRoads';
import { planOldNeighborhoods } from './sample/oldNeighborhoods';
import { addPlanDates } from './sample/planDates';
import { buildPlanFeatures, type LayerPlan, type SampleFeature } from './sample/planLayers';
import { PLAN_DATED_LAYERS, planPublicProjectLayers } from './sample/publicProjectLayers';
import { Random } from './sample/random';
import { buildRoadPieces } from './sample/roadNetwork';
import { Sites } from './sample/sites';
import { fitTargets } from './sample/targets';
import { planUrbanVillages } from './sample/urbanVillages';
import { buildWorld } from './sample/world';
import { writeFeatureCollection } from './sample/writeGeoJson';
import { summarize } from './sample/summary';

const GEODATA = join(import.meta.dirname, '..', 'geodata');
const MAX_FILE_BYTES = 1.5 * 1024 * 1024;

function main(): void {
  const random = (concern: string): Random => Random.forConcern(SEED, concern);
  const world = buildWorld();
  const cuts = riverCuts(world.rivers);
  const sites = new Sites(buildBlocks(world, cuts));

  // Order matters: sites that need whole or merged blocks choose first.
  const villages = planUrbanVillages(world, sites, random('urban-villages'));
  const parks = planParks(world, sites, random('parks'));
  const oldNeighborhoods = planOldNeighborhoods(world, sites, random('old-neighborhoods'));
  const idleLand = planIdleLand(world, sites, random('idle-land'));
  const pockets = planPocketParks(world, sites, random('pocket-parks'));
  const riverside = planRiverside(world, sites, random('riverside'));
  const shore = planShore(world, cuts, random('shore'));
  const pieces = buildRoadPieces(world, sites.merges);
  const newRoads = planNewRoads(world, pieces, random('new-roads'));
  const basemapRoads = buildBasemapRoads(world, pieces, random('basemap-roads'));

  const manifestPath = join(GEODATA, 'layers.json');
  const manifest = readManifest(manifestPath);
  const layer = (id: string) => {
    const found = manifest.layers.find((l) => l.id === id);
    if (found === undefined) throw new Error(`layers.json has no layer ${id}`);
    return found;
  };
  const plans: LayerPlan[] = [
    { layer: layer('urban-villages'), idPrefix: 'UV', idDigits: 3, drafts: villages.map((v) => v.draft), startedShare: 0.7 },
    { layer: layer('old-neighborhoods'), idPrefix: 'ON', idDigits: 3, drafts: oldNeighborhoods, startedShare: 0.55 },
    { layer: layer('roads'), idPrefix: 'RD', idDigits: 2, drafts: newRoads, startedShare: 0.6 },
    { layer: layer('green-space'), idPrefix: 'GS', idDigits: 3, drafts: [...parks, ...pockets, ...riverside, ...shore.greenways], startedShare: 0.5 },
    { layer: layer('idle-land'), idPrefix: 'IL', idDigits: 3, drafts: idleLand, startedShare: 0.5 },
    { layer: layer('lakeshore'), idPrefix: 'LS', idDigits: 2, drafts: shore.zones, startedShare: 0.75 },
  ];
  const layers = new Map<string, SampleFeature[]>();
  const buildLayers = (layerPlans: readonly LayerPlan[]): void => {
    for (const plan of layerPlans) {
      fitTargets(plan.layer, plan.drafts);
      layers.set(plan.layer.id, buildPlanFeatures(world, plan, manifest.district.planStart, random(`history:${plan.layer.id}`)));
    }
  };
  buildLayers(plans);
  fitDistrictView(manifest, at(world.district.boundary, 0), at(world.district.land, 0));

  const labels = buildLabels(world, sites.freeBlocks(() => true), villages.map((v) => ({ name: v.draft.name, center: v.center })), random('labels'));
  const basemap = buildBasemap(world, basemapRoads, labels);

  buildLayers(planPublicProjectLayers(world, sites, plans.flatMap((p) => p.drafts), layer, random));
  for (const id of PLAN_DATED_LAYERS) addPlanDates(layer(id), layers.get(id) ?? [], random(`plan-dates:${id}`));
  // After every plan layer, so each line is kept clear of the projects it constrains.
  const controlLines = buildControlLines(world, manifest.controlLines ?? [], layers);

  const written: string[] = [];
  for (const [id, features] of layers) {
    const path = join(GEODATA, `${id}.geojson`);
    writeFeatureCollection(path, features);
    written.push(path);
  }
  for (const [id, features] of controlLines) {
    writeFeatureCollection(join(GEODATA, `${id}.geojson`), features);
    written.push(join(GEODATA, `${id}.geojson`));
  }
  for (const [name, features] of Object.entries(basemap)) {
    const path = join(GEODATA, 'basemap', `${name}.geojson`);
    writeFeatureCollection(path, features);
    written.push(path);
  }
  writeManifest(manifestPath, manifest);

  const problems = checkSample({
    manifest,
    layers,
    district: at(basemap.district, 0) as Feature<Polygon>,
    water: basemap.water as Feature<Polygon | MultiPolygon>[],
    streets: basemap.streets as Feature<Polygon | MultiPolygon>[],
    roads: basemap.roads as Feature<LineString>[],
  });
  problems.push(...controlConflictProblems(manifest.controlLines ?? [], controlLines, layers));
  for (const path of written) {
    const bytes = statSync(path).size;
    if (bytes > MAX_FILE_BYTES) problems.push(`${path}: ${bytes} bytes, over ${MAX_FILE_BYTES}`);
  }
  console.log(summarize(manifest, layers, basemap, written));
  if (problems.length > 0) {
    console.error(`\nSelf-check failed, ${problems.length} problem(s):\n${problems.slice(0, 60).join('\n')}`);
    process.exitCode = 1;
  }
}

main();
