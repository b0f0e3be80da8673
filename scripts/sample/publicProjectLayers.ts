/**
 * The layers for the plan's public-service targets: major projects, schools, health care, quarry
 * restoration, model villages and river reaches. They are planned after every other layer and
 * after the basemap's labels, on what ground is left, so that adding them changes no other
 * generated file.
 */
import type { DraftFeature } from './drafts';
import { planHealthCare } from './healthCare';
import type { LayerPlan } from './planLayers';
import { planMajorProjects } from './majorProjects';
import { planModelVillages } from './modelVillages';
import { planQuarries } from './quarries';
import type { Random } from './random';
import { planRiverReaches } from './riverReaches';
import { planSchools } from './schools';
import type { Sites } from './sites';
import type { LayerDefinition } from '../../src/domain/plan/manifest';
import type { Poly } from './geometry';
import type { World } from './world';

/** The layer ids whose features also get `plan_dates` (see planDates.ts). */
export const PLAN_DATED_LAYERS = ['major-projects', 'schools', 'health', 'quarries', 'model-villages', 'river-reaches'] as const;

export function planPublicProjectLayers(world: World, sites: Sites, occupied: readonly DraftFeature[], layer: (id: string) => LayerDefinition, random: (concern: string) => Random): LayerPlan[] {
  const majorProjects = planMajorProjects(sites, random('major-projects'));
  const health = planHealthCare(world, sites, random('health'));
  const schools = planSchools(sites, random('schools'));
  const villages = planModelVillages(sites, random('model-villages'));
  const polygons = [...occupied, ...majorProjects, ...villages].flatMap((d): Poly[] => (d.geometry.type === 'polygon' ? [d.geometry.poly] : []));
  const quarries = planQuarries(world, polygons, random('quarries'));
  return [
    { layer: layer('major-projects'), idPrefix: 'MP', idDigits: 2, drafts: majorProjects, startedShare: 0.5 },
    { layer: layer('schools'), idPrefix: 'SC', idDigits: 2, drafts: schools, startedShare: 0.7 },
    { layer: layer('health'), idPrefix: 'HC', idDigits: 2, drafts: health, startedShare: 0.6 },
    { layer: layer('quarries'), idPrefix: 'QR', idDigits: 2, drafts: quarries, startedShare: 0.7 },
    { layer: layer('model-villages'), idPrefix: 'MV', idDigits: 2, drafts: villages, startedShare: 0.6 },
    { layer: layer('river-reaches'), idPrefix: 'RR', idDigits: 2, drafts: planRiverReaches(world), startedShare: 0.6 },
  ];
}
