import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeodataDirectory } from '../../../../src/data/readGeodataDirectory';
import { measureLayer, type MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';
import type { Manifest } from '../../../../src/domain/plan/manifest';
import { districtStats, type TiledLayerGroups } from '../../../../src/domain/progress/districtStats';
import { statusAsOf } from '../../../../src/domain/progress/statusAsOf';
import type { StatusGroup } from '../../../../src/domain/progress/statusGroups';
import { targetRankingByStreet } from '../../../../src/domain/progress/targetRankingByStreet';
import { targetRankingFromGroups } from '../../../../src/domain/progress/targetRankingFromGroups';
import type { LayerGroups } from '../../../../src/domain/progress/layerGroups';
import { statusFacetsOf } from '../../../../src/domain/progress/statusFacets';
import type { TargetGroup } from '../../../../src/domain/progress/targetGroups';
import { propertyNumber } from '../../../../src/domain/columns/layerColumns';
import { statusCodesAsOf } from '../../../../src/domain/progress/statusCodesAsOf';
import { streetsOf } from '../../../../src/domain/streets/streetsOf';
import { viewFilterOf } from '../../../../src/ui/viewFilterOf';

/*
 * A tiled layer is known to the page by the database's groups (projects summed by status on a
 * day and sub-district). The statistics, target progress and rankings built from them must be
 * those of the whole layer, for every layer of the sample district, on several days and under
 * status and sub-district filters. The groups here are summed straight from the layer's
 * features by statusAsOf, the rule the database's sums follow (tests/db/tiledLayerStats.test.ts proves them).
 */

const GEODATA_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'geodata');
const DAYS = ['2023-12-31', '2025-06-30', '2026-11-26'];

async function sample(): Promise<{ manifest: Manifest; layers: MeasuredLayer[] }> {
  const { manifest, layers } = await readGeodataDirectory(GEODATA_DIR);
  return { manifest, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
}

function groupsOf(layer: MeasuredLayer, isoDate: string): LayerGroups {
  const facets = statusFacetsOf(layer.definition);
  const byKey = new Map<string, StatusGroup>();
  const byTargetKey = new Map<string, TargetGroup>();
  for (let index = 0; index < layer.featureCount; index++) {
    const feature = layer.featureAt(index);
    const status = feature ? statusAsOf(feature.properties, isoDate) : null;
    if (!feature || status === null) continue;
    const properties = feature.properties as Record<string, unknown>;
    const street = feature.properties.street ?? '';
    const area = layer.areaSquareMeters[index] ?? 0;
    const length = layer.lengthMeters[index] ?? 0;
    const key = `${status}\u0000${street}`;
    const group = byKey.get(key) ?? { status, street, features: 0, areaSquareMeters: 0, lengthMeters: 0 };
    group.features += 1;
    group.areaSquareMeters += area;
    group.lengthMeters += length;
    byKey.set(key, group);
    const where = Object.fromEntries(facets.whereProperties.filter((property) => properties[property] !== undefined && properties[property] !== null).map((property) => [property, properties[property]]));
    const targetKey = `${key}\u0000${JSON.stringify(where)}`;
    const targetGroup = byTargetKey.get(targetKey) ?? { status, street, features: 0, areaSquareMeters: 0, lengthMeters: 0, where, sums: Object.fromEntries(facets.sumProperties.map((property) => [property, 0])) };
    targetGroup.features += 1;
    targetGroup.areaSquareMeters += area;
    targetGroup.lengthMeters += length;
    for (const property of facets.sumProperties) {
      const value = propertyNumber(properties[property]);
      if (Number.isFinite(value)) targetGroup.sums[property] = (targetGroup.sums[property] ?? 0) + value;
    }
    byTargetKey.set(targetKey, targetGroup);
  }
  return { groups: [...byKey.values()], targetGroups: [...byTargetKey.values()] };
}

describe('statistics of a tiled layer from its groups', () => {
  it('equal the whole layer\'s for every layer, day and filter, targets included', async () => {
    const { manifest, layers } = await sample();
    for (const isoDate of DAYS) {
      const tiledGroups: TiledLayerGroups = new Map(layers.map((layer) => [layer.definition.id, groupsOf(layer, isoDate)]));
      const streets = streetsOf(layers);
      const firstStatus = (layerId: string) => manifest.layers.find((layer) => layer.id === layerId)?.statuses.at(-1)?.id ?? '';
      const filters = [
        viewFilterOf(manifest.layers, {}, []),
        viewFilterOf(manifest.layers, Object.fromEntries(manifest.layers.map((layer) => [layer.id, [firstStatus(layer.id)]])), []),
        viewFilterOf(manifest.layers, {}, streets.slice(0, 2)),
      ];
      for (const filter of filters) {
        const whole = districtStats(manifest, layers, filter, isoDate);
        const tiled = districtStats(manifest, [], filter, isoDate, tiledGroups);
        whole.layers.forEach((summary, index) => {
          const fromGroups = tiled.layers[index];
          const label = `${summary.layerId} on ${isoDate}`;
          expect(fromGroups?.stats.totals.features, label).toBe(summary.stats.totals.features);
          expect(fromGroups?.stats.totals.areaSquareMeters, label).toBeCloseTo(summary.stats.totals.areaSquareMeters, 6);
          expect(fromGroups?.stats.totals.lengthMeters, label).toBeCloseTo(summary.stats.totals.lengthMeters, 6);
          expect(Object.keys(fromGroups?.stats.byStatus ?? {}), label).toEqual(Object.keys(summary.stats.byStatus));
          expect(Object.keys(fromGroups?.stats.byStreet ?? {}), label).toEqual(Object.keys(summary.stats.byStreet));
          for (const [status, totals] of Object.entries(summary.stats.byStatus)) expect(fromGroups?.stats.byStatus[status]?.features, `${label} ${status}`).toBe(totals.features);
          summary.targets.forEach((progress, targetIndex) => {
            expect(fromGroups?.targets[targetIndex]?.actual, `${label} ${progress.targetId}`).toBeCloseTo(progress.actual, 9);
            expect(fromGroups?.targets[targetIndex]?.onTrack, `${label} ${progress.targetId}`).toBe(progress.onTrack);
            const inView = summary.targetsInView?.[targetIndex]?.actual;
            if (inView === undefined) expect(fromGroups?.targetsInView, label).toBeNull();
            else expect(fromGroups?.targetsInView?.[targetIndex]?.actual, `${label} ${progress.targetId} in view`).toBeCloseTo(inView, 9);
          });
        });
      }
    }
  });

  it('ranks the sub-districts as the whole layer does', async () => {
    const { manifest, layers } = await sample();
    const isoDate = '2026-11-26';
    const context = { asOfDate: isoDate, planStart: manifest.district.planStart };
    const targets = manifest.layers.flatMap((definition) => definition.targets.map((target) => ({ definition, target })));
    expect(targets.some(({ target }) => target.where)).toBe(true);
    expect(targets.some(({ target }) => target.metric === 'sum')).toBe(true);
    for (const { definition, target } of targets) {
      const layer = layers.find((candidate) => candidate.definition.id === definition.id);
      if (!layer) throw new Error(`no layer ${definition.id}`);
      const whole = targetRankingByStreet(target, layer, { ...context, codes: statusCodesAsOf(layer.columns, isoDate) }).filter((entry) => entry.street !== '');
      const fromGroups = targetRankingFromGroups(target, groupsOf(layer, isoDate), context).filter((entry) => entry.street !== '');
      expect(fromGroups.map((entry) => entry.street), target.id).toEqual(whole.map((entry) => entry.street));
      fromGroups.forEach((entry, index) => expect(entry.actual, `${target.id} ${entry.street}`).toBeCloseTo(whole[index]?.actual ?? Number.NaN, 9));
    }
  });
});
