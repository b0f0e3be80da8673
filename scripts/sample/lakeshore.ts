/** 湖岸生态 zones and 环湖绿带 greenways: the shore strip's pieces, shared between the two layers. */
import type { RiverCut } from './blocks';
import { NameCounter, chineseNumber } from './chineseOrdinal';
import type { DraftFeature } from './drafts';
import { at, polyArea, ringCentroid } from './geometry';
import type { Random } from './random';
import { buildShoreSegments, splitSegment, type ShoreSegment } from './shoreStrips';
import { subDistrictAt } from './subDistricts';
import type { World } from './world';

const ZONE_COUNT = 12;
const GREENWAY_COUNT = 10;
const MAX_GREEN_SQUARE_METERS = 200000;

export interface ShorePlan {
  zones: DraftFeature[];
  greenways: DraftFeature[];
}

function placeName(world: World, segment: ShoreSegment): string {
  const center = ringCentroid(at(segment.poly, 0));
  return (subDistrictAt(world.subDistricts, center)?.name ?? '湖滨街道').replace('街道', '');
}

export function planShore(world: World, cuts: readonly RiverCut[], random: Random): ShorePlan {
  const segments = buildShoreSegments(world, cuts);
  // Villages and sheds crowd the rural ends of the shore, so restoration zones favour them.
  const weighted = segments.map((segment) => {
    const middle = (segment.s0 + segment.s1) / 2;
    const rural = middle < -3200 || middle > 1400;
    return { segment, key: random.next() * (rural ? 2.4 : 1) };
  });
  const order = [...weighted].sort((a, b) => b.key - a.key).map((w) => w.segment);
  const zoneSegments = order.slice(0, ZONE_COUNT).sort((a, b) => a.s0 - b.s0);
  const rest = order.slice(ZONE_COUNT);
  const greenSegments = rest
    .flatMap((segment) => (polyArea(segment.poly) > MAX_GREEN_SQUARE_METERS ? splitSegment(world, segment) : [segment]))
    .filter((segment) => polyArea(segment.poly) <= MAX_GREEN_SQUARE_METERS);
  const greenChosen = random.shuffle(greenSegments).slice(0, GREENWAY_COUNT).sort((a, b) => a.s0 - b.s0);
  const zoneNames = new NameCounter();
  const greenNames = new NameCounter();
  return {
    zones: zoneSegments.map((segment) => {
      const place = placeName(world, segment);
      const hectares = polyArea(segment.poly) / 10000;
      return {
        geometry: { type: 'polygon', poly: segment.poly },
        name: `${place}湖岸${chineseNumber(zoneNames.next(place))}段`,
        attributes: { illegalBuildings: Math.max(3, Math.round(hectares * random.range(1.5, 6))) },
        doneStatus: 'restored',
      };
    }),
    greenways: greenChosen.map((segment) => {
      const place = placeName(world, segment);
      return {
        geometry: { type: 'polygon', poly: segment.poly },
        name: `${place}环湖绿带${chineseNumber(greenNames.next(place))}期`,
        attributes: { kind: 'lakeside' },
        doneStatus: 'built',
      };
    }),
  };
}
