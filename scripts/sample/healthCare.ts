/**
 * 医疗卫生: the new district people's hospital, built to class-A tertiary (三甲) standard, and
 * each sub-district's community health service centre working towards provincial class A
 * (省级甲级), as points in built-up blocks near the middle of their sub-district.
 */
import type { DraftFeature } from './drafts';
import { at, distance, pointInPoly, polyArea, ringCentroid, type Point } from './geometry';
import type { Random } from './random';
import type { Sites } from './sites';
import { subDistrictAt } from './subDistricts';
import type { World } from './world';

/** planned, building, open, accredited: the new hospital's main building is still going up. */
const HOSPITAL_STAGE = 1;
/** The largest sub-districts need a second centre (national standard: one per 3–10 万 residents). */
const SECOND_CENTRES = 2;

export function planHealthCare(world: World, sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const blocks = random.shuffle(sites.freeBlocks((b) => b.whole && b.quarter !== 'industrial' && b.areaSquareMeters >= 15000));
  const pointOf = (block: (typeof blocks)[number]): Point => ringCentroid(at(block.poly, 0));
  const taken: Point[] = [];
  const takeNearest = (target: Point, streetName: string | undefined): Point | undefined => {
    let best: { block: (typeof blocks)[number]; d: number } | undefined;
    for (const block of blocks) {
      const p = pointOf(block);
      if (!sites.isFree(block.cell.id) || !pointInPoly(p, block.poly) || taken.some((t) => distance(t, p) < 500)) continue;
      if (streetName !== undefined && subDistrictAt(world.subDistricts, p)?.name !== streetName) continue;
      const d = distance(p, target);
      if (best === undefined || d < best.d) best = { block, d };
    }
    if (best === undefined) return undefined;
    sites.take([best.block.cell.id]);
    const p = pointOf(best.block);
    taken.push(p);
    return p;
  };

  const newTown = blocks.find((b) => b.quarter === 'new-town' && b.areaSquareMeters >= 60000);
  const hospitalAt = newTown === undefined ? undefined : takeNearest(pointOf(newTown), undefined);
  if (hospitalAt !== undefined) {
    drafts.push({
      geometry: { type: 'point', point: hospitalAt },
      name: '湖滨区人民医院（新院区）',
      attributes: { kind: 'hospital', accreditation: 'tertiary-a', beds: 1200, unit_in_charge: '区卫健局' },
      doneStatus: 'accredited',
      fixedStage: HOSPITAL_STAGE,
    });
  }
  const areaOf = (s: (typeof world.subDistricts)[number]): number => s.polys.reduce((sum, poly) => sum + polyArea(poly), 0);
  const bySize = [...world.subDistricts].sort((a, b) => areaOf(b) - areaOf(a));
  const seconds = new Set(bySize.slice(0, SECOND_CENTRES).map((s) => s.name));
  for (const subDistrict of world.subDistricts) {
    const middle = ringCentroid(at(at(subDistrict.polys, 0), 0));
    const centres: { target: Point; name: string }[] = [{ target: middle, name: `${subDistrict.name}社区卫生服务中心` }];
    if (seconds.has(subDistrict.name)) {
      // The second centre sits away from the first: towards the lake or towards the hills.
      const away: Point = [middle[0] + random.range(-1500, 1500), middle[1] + random.range(-1500, 1500)];
      centres.push({ target: away, name: `${subDistrict.name}第二社区卫生服务中心` });
    }
    for (const centre of centres) {
      const p = takeNearest(centre.target, subDistrict.name);
      if (p === undefined) continue;
      drafts.push({
        geometry: { type: 'point', point: p },
        name: centre.name,
        attributes: { kind: 'health-centre', accreditation: 'provincial-a', beds: random.int(2, 6) * 10, unit_in_charge: '区卫健局' },
        doneStatus: 'accredited',
      });
    }
  }
  return drafts;
}
