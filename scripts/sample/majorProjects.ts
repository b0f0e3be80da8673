/**
 * 重大项目: major projects of over 10 亿元 each on large free blocks of the new town, the
 * industrial quarter and the town, with their investment, sector and responsible unit. Their
 * stages follow the story of a plan half-way through: most have started, a few are finished.
 */
import type { DraftFeature } from './drafts';
import { at, distance, polyArea, ringCentroid, type Point } from './geometry';
import { MAJOR_PROJECTS, MAJOR_PROJECT_UNITS } from './projectNames';
import type { Random } from './random';
import type { Sites } from './sites';
import type { Quarter } from './zoning';

const QUARTERS: readonly Quarter[] = ['new-town', 'industrial', 'urban'];
const MIN_HECTARES = 8;
const MAX_HECTARES = 28;
const MIN_SPACING_METERS = 700;
/** Stages of preparing, started, building, completed: 2 preparing, 3 started, 7 building, 4 completed of 16. */
const STAGE_COUNTS = [2, 3, 7, 4] as const;
/** Investment per hectare of site, 亿元: industrial parks are cheaper per hectare than a hub. */
const INVESTMENT_PER_HECTARE: readonly [number, number] = [0.9, 3.2];

export function planMajorProjects(sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const centers: Point[] = [];
  const projects = random.shuffle(MAJOR_PROJECTS);
  const candidates = random.shuffle(sites.freeBlocks((b) => b.whole && QUARTERS.includes(b.quarter) && b.areaSquareMeters >= MIN_HECTARES * 10000 && b.areaSquareMeters <= MAX_HECTARES * 10000));
  for (const block of candidates) {
    const project = projects[drafts.length];
    if (project === undefined) break;
    const center = ringCentroid(at(block.poly, 0));
    if (centers.some((c) => distance(c, center) < MIN_SPACING_METERS)) continue;
    sites.take([block.cell.id]);
    centers.push(center);
    const hectares = polyArea(block.poly) / 10000;
    // At least 10 亿元: the speech counts projects "of over a billion yuan".
    const investment = Math.max(10.5, Math.round(hectares * random.range(...INVESTMENT_PER_HECTARE) * 10) / 10);
    drafts.push({
      geometry: { type: 'polygon', poly: block.poly },
      name: project.name,
      attributes: { sector: project.sector, investment, unit_in_charge: MAJOR_PROJECT_UNITS[project.sector] },
      doneStatus: 'completed',
    });
  }
  const stages = random.shuffle(STAGE_COUNTS.flatMap((count, stage) => Array.from({ length: count }, () => stage)));
  drafts.forEach((draft, i) => {
    draft.fixedStage = stages[i] ?? 0;
  });
  return drafts;
}
