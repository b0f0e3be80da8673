/**
 * Edits of a copy of a geodata folder for the warnings (监测预警) and sum/share target tests: plan
 * dates and responsible units on chosen projects, and a sum and a share target on a layer. The
 * bundled geodata and the fixtures are never changed: callers pass a temporary copy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface JsonFeature {
  id: string;
  properties: Record<string, unknown>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** What a project gets: its `plan_dates` (status id → YYYY-MM-DD) and, optionally, its `unit_in_charge`. */
export interface PlanDatesOf {
  plan_dates: Record<string, string>;
  unit_in_charge?: string;
}

/** Sets plan_dates (and unit_in_charge) on the named projects of a layer file in `geodataDirectory`. */
export function addPlanDates(geodataDirectory: string, layerId: string, byFeatureId: Record<string, PlanDatesOf>): void {
  const path = join(geodataDirectory, `${layerId}.geojson`);
  const collection = readJson<{ features: JsonFeature[] }>(path);
  for (const feature of collection.features) {
    const planned = byFeatureId[feature.id];
    if (planned) Object.assign(feature.properties, planned);
  }
  writeJson(path, collection);
}

/**
 * Removes every plan date the copy's layers carry (the sample's own late projects), so a test
 * sees only the warnings it sets up with addPlanDates.
 */
export function clearPlanDates(geodataDirectory: string): void {
  const manifest = readJson<{ layers: { id: string }[] }>(join(geodataDirectory, 'layers.json'));
  for (const { id } of manifest.layers) {
    const path = join(geodataDirectory, `${id}.geojson`);
    const collection = readJson<{ features: JsonFeature[] }>(path);
    if (!collection.features.some((feature) => 'plan_dates' in feature.properties)) continue;
    for (const feature of collection.features) delete feature.properties.plan_dates;
    writeJson(path, collection);
  }
}

/** The sum target's unit, as a manifest names it. */
export const INVESTMENT_UNIT = { zh: '亿元', en: '100M CNY' };

/**
 * Gives every project of the layer an `investment` (1.5 亿元 for the first, then 0.5 more each)
 * and adds two targets: `invest-sum`, the investment of its done projects, and `done-share`, the
 * share (%) of its `where` projects that are done.
 */
export function addSumAndShareTargets(geodataDirectory: string, layerId: string, share: { target: number; where?: { property: string; equals: string } }): void {
  const layerPath = join(geodataDirectory, `${layerId}.geojson`);
  const collection = readJson<{ features: JsonFeature[] }>(layerPath);
  collection.features.forEach((feature, index) => { feature.properties.investment = 1.5 + 0.5 * index; });
  writeJson(layerPath, collection);
  const manifestPath = join(geodataDirectory, 'layers.json');
  const manifest = readJson<{ layers: { id: string; doneStatuses: string[]; targets: unknown[] }[] }>(manifestPath);
  const layer = manifest.layers.find((candidate) => candidate.id === layerId);
  if (!layer) throw new Error(`no layer ${layerId} in ${manifestPath}`);
  layer.targets.push(
    { id: 'invest-sum', label: { zh: '完成投资', en: 'Investment done' }, metric: 'sum', property: 'investment', unit: INVESTMENT_UNIT, target: 40, deadline: '2027-12-31', countedStatuses: layer.doneStatuses },
    { id: 'done-share', label: { zh: '完成比例', en: 'Share done' }, metric: 'share', target: share.target, deadline: '2027-12-31', countedStatuses: layer.doneStatuses, ...(share.where ? { where: share.where } : {}) },
  );
  writeJson(manifestPath, manifest);
}
