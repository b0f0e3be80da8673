/** Turns drafts into the plan layers' features: ids, sub-district, status and history. */
import { centroid } from '@turf/turf';
import type { LineString, Point, Polygon } from 'geojson';
import type { LayerDefinition, PlanTarget } from '../../src/domain/plan/manifest';
import type { PlanFeature, PlanGeometry } from '../../src/domain/plan/planFeature';
import type { DraftFeature } from './drafts';
import { chooseStages, elapsedShare, historiesFor, lifecycleOf } from './lifecycle';
import { matchesCondition, measureOf } from './measure';
import { lineToLonLat, polyToLonLat, toLonLat, toMeters } from './projection';
import type { Random } from './random';
import { subDistrictAt } from './subDistricts';
import { pacingTarget, targetInMeasure } from './targets';
import type { World } from './world';

export const PLAN_DECIMALS = 7;

/** A generated plan feature: the domain's plan feature, and point layers' points. */
export type SampleFeature = Omit<PlanFeature, 'geometry'> & { geometry: PlanGeometry | Point };

export interface LayerPlan {
  layer: LayerDefinition;
  idPrefix: string;
  idDigits: number;
  drafts: DraftFeature[];
  /** Of the projects not finished, the share already under way. */
  startedShare: number;
}

function geometryOf(draft: DraftFeature): Polygon | LineString | Point {
  const g = draft.geometry;
  switch (g.type) {
    case 'polygon':
      return { type: 'Polygon', coordinates: polyToLonLat(g.poly, PLAN_DECIMALS) };
    case 'line':
      return { type: 'LineString', coordinates: lineToLonLat(g.line, PLAN_DECIMALS) };
    case 'point':
      return { type: 'Point', coordinates: toLonLat(g.point, PLAN_DECIMALS) };
  }
}

export function buildPlanFeatures(world: World, plan: LayerPlan, planStart: string, random: Random): SampleFeature[] {
  const { layer } = plan;
  const placed = plan.drafts.map((draft) => {
    const geometry = geometryOf(draft);
    const center = toMeters(centroid({ type: 'Feature', properties: {}, geometry }).geometry.coordinates);
    const chord = world.grid.metricToChord(center);
    return { draft, geometry, center, chord };
  });
  // Ids read like text on the map: bands from the hills down to the lake, west to east in each.
  placed.sort((a, b) => Math.floor(b.chord[1] / 1500) - Math.floor(a.chord[1] / 1500) || a.chord[0] - b.chord[0]);
  const groups = new Map<string, number[]>();
  placed.forEach(({ draft }, i) => {
    const id = pacingTarget(layer, draft).id;
    groups.set(id, [...(groups.get(id) ?? []), i]);
  });
  const histories = new Map<number, PlanFeature['properties']['history']>();
  for (const [targetId, indices] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const target = layer.targets.find((t) => t.id === targetId);
    if (target === undefined) continue;
    const drafts = indices.map((i) => {
      const draft = placed[i]?.draft;
      if (draft === undefined) throw new Error('lost a draft');
      return draft;
    });
    const stages = paceGroup(layer, target, drafts, planStart, plan.startedShare, random);
    const lifecycles = drafts.map((d) => lifecycleOf(layer, d.doneStatus));
    historiesFor(random, lifecycles, stages).forEach((history, k) => {
      const index = indices[k];
      if (index !== undefined) histories.set(index, history);
    });
  }
  return placed.map(({ draft, geometry, center }, i) => {
    const history = histories.get(i) ?? [];
    const last = history[history.length - 1];
    if (last === undefined) throw new Error(`${layer.id}: a project without history`);
    const street = subDistrictAt(world.subDistricts, center)?.name;
    if (street === undefined) throw new Error(`${layer.id}: ${draft.name} lies in no sub-district`);
    return {
      type: 'Feature',
      id: `${plan.idPrefix}-${String(i + 1).padStart(plan.idDigits, '0')}`,
      properties: { name: draft.name, status: last.status, street, ...draft.attributes, history },
      geometry,
    };
  });
}

const TRIES = 40;
/** Where progress should stand: on the linear schedule, a little behind it. */
const PACE = 0.92;

/**
 * Picks, among a few random tries, the stages whose progress sits closest to PACE × schedule on
 * every target the group counts toward (e.g. villages demolished and hectares cleared), with
 * some projects under way and some not started.
 */
function paceGroup(layer: LayerDefinition, pacing: PlanTarget, drafts: readonly DraftFeature[], planStart: string, startedShare: number, random: Random): number[] {
  const lifecycles = drafts.map((d) => lifecycleOf(layer, d.doneStatus));
  const projects = drafts.map((d, i) => ({ lifecycle: lifecycles[i] ?? [], measure: measureOf(d, pacing.metric, pacing.property) }));
  const total = projects.reduce((sum, p) => sum + p.measure, 0);
  const targets = layer.targets.filter((t) => drafts.every((d) => t.countedStatuses.includes(d.doneStatus) && matchesCondition(d, t.where)));
  const doneShare = Math.min(1, (targetInMeasure(pacing, drafts) / total) * elapsedShare(planStart, pacing.deadline) * PACE);
  let best: number[] = [];
  let bestScore = Infinity;
  for (let attempt = 0; attempt < TRIES; attempt += 1) {
    const stages = chooseStages(random, projects, { doneShare, startedShare }).map((stage, i) => drafts[i]?.fixedStage ?? stage);
    let score = 0;
    for (const t of targets) {
      // A target counts the projects whose status at their stage it lists (finished ones, or for
      // major projects every one that has started).
      const counted = (i: number): boolean => t.countedStatuses.includes(lifecycles[i]?.[stages[i] ?? 0] ?? '');
      const done = drafts.reduce((sum, d, i) => sum + (counted(i) ? measureOf(d, t.metric, t.property) : 0), 0);
      score += (done / targetInMeasure(t, drafts) - elapsedShare(planStart, t.deadline) * PACE) ** 2;
    }
    const open = stages.filter((stage, i) => stage < (lifecycles[i]?.length ?? 0) - 1);
    if (open.length >= 2 && (!open.includes(0) || open.every((stage) => stage === 0))) score += 1;
    if (score < bestScore) {
      best = stages;
      bestScore = score;
    }
  }
  return best;
}
