import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterMask, type LayerFilter } from '../../src/domain/browse/featureFilter';
import { propertyNumber } from '../../src/domain/columns/layerColumns';
import { measureLayer, type MeasuredLayer } from '../../src/domain/measure/measuredLayer';
import type { LayerDefinition, Manifest } from '../../src/domain/plan/manifest';
import type { PlanFeature, PlanFeatureCollection } from '../../src/domain/plan/planFeature';
import { layerStats, type StatusTotals } from '../../src/domain/progress/layerStats';
import { statusCodesAsOf } from '../../src/domain/progress/statusCodesAsOf';
import { statusFacetsOf } from '../../src/domain/progress/statusFacets';
import { layerStatsFromGroups, type StatusGroup } from '../../src/domain/progress/statusGroups';
import { targetProgressFromGroups, type TargetGroup } from '../../src/domain/progress/targetGroups';
import { targetProgress, type TargetProgress } from '../../src/domain/progress/targetProgress';
import { dayKey } from '../../src/domain/columns/layerColumns';
import { parseLayer, parseManifest } from '../../src/data/parseGeodata';
import { ensureStatusFacets } from '../../src/data/postgres/ensureStatusFacets';
import { inTransaction, openPlanDatabase, type PlanDatabase } from '../../src/data/postgres/planDatabase';
import { queryStatusGroups } from '../../src/data/postgres/statusGroupsQuery';
import { ADMIN, startApiTestServer, type ApiTestServer } from '../api/support/apiTestServer';
import { editedPlan, layerOf, putPlan, readPlan } from '../api/support/planDocument';

/*
 * A tiled layer's statistics and target progress come from the database's status sums (migration
 * 005), never from its projects: they must be what the app computes from the layer file, on every
 * day, for every filter, after every kind of save, and when single rows change.
 */

const LAYER = 'urban-villages';
/** Before every entry, around the sample's history, the edits' days below, and after them all. */
const DAYS = ['2000-01-01', '2023-12-31', '2024-03-01', '2025-01-01', '2027-03-01', '2027-02-28', '2027-03-01', '2027-03-02', '2030-01-01'];

let server: ApiTestServer;
let manifest: Manifest;

beforeAll(async () => {
  server = await startApiTestServer();
  manifest = parseManifest((await server.readStored('layers.json')).toString('utf8'));
});

afterAll(async () => {
  await server?.close();
});

function definitionOf(layerId: string): LayerDefinition {
  const definition = manifest.layers.find((layer) => layer.id === layerId);
  if (!definition) throw new Error(`no ${layerId} in the manifest`);
  return definition;
}

async function storedLayer(layerId: string): Promise<MeasuredLayer> {
  return measureLayer(definitionOf(layerId), parseLayer((await server.readStored(`${layerId}.geojson`)).toString('utf8'), layerId));
}

function expectSameTotals(actual: StatusTotals | undefined, expected: StatusTotals | undefined, where: string): void {
  expect(actual?.features, where).toBe(expected?.features);
  // The same numbers summed in another order.
  expect(actual?.areaSquareMeters ?? 0, where).toBeCloseTo(expected?.areaSquareMeters ?? 0, 6);
  expect(actual?.lengthMeters ?? 0, where).toBeCloseTo(expected?.lengthMeters ?? 0, 6);
}

function expectSameProgress(actual: TargetProgress, expected: TargetProgress, where: string): void {
  for (const field of ['target', 'actual', 'percent', 'remaining', 'expectedActual'] as const)
    expect(Math.abs(actual[field] - expected[field]), `${where} ${field}: ${actual[field]} vs ${expected[field]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[field])));
  expect({ ...actual, target: 0, actual: 0, percent: 0, remaining: 0, expectedActual: 0 }, where).toEqual({ ...expected, target: 0, actual: 0, percent: 0, remaining: 0, expectedActual: 0 });
}

/** The filters a panel applies: none, a status, the other statuses in one sub-district. */
function filtersOf(definition: LayerDefinition, layer: MeasuredLayer): (LayerFilter | undefined)[] {
  return [
    undefined,
    { statuses: [definition.statuses[0]?.id ?? ''], streets: [] },
    { statuses: definition.statuses.slice(1).map((status) => status.id), streets: layer.columns.streets.slice(0, 1) },
  ];
}

/** layerStats and every target's targetProgress on `layer`, against what the groups give, for `date` (null: today's statuses). */
function expectSameAsLayer(layer: MeasuredLayer, groups: readonly StatusGroup[], targetGroups: readonly TargetGroup[], date: string | null, label: string): void {
  const definition = layer.definition;
  const codes = date === null ? layer.columns.currentStatus : statusCodesAsOf(layer.columns, date);
  const context = { asOfDate: date ?? manifest.district.planEnd, planStart: manifest.district.planStart };
  for (const filter of filtersOf(definition, layer)) {
    const mask = filterMask(layer, filter, codes);
    const where = `${label} on ${date ?? 'today'}, ${JSON.stringify(filter ?? {})}`;
    const expected = layerStats(layer, { codes, mask });
    const actual = layerStatsFromGroups(definition, groups, filter);
    expectSameTotals(actual.totals, expected.totals, where);
    expect(Object.keys(actual.byStatus).sort(), where).toEqual(Object.keys(expected.byStatus).sort());
    for (const status of Object.keys(expected.byStatus)) expectSameTotals(actual.byStatus[status], expected.byStatus[status], `${where} ${status}`);
    expect(Object.keys(actual.byStreet), where).toEqual(Object.keys(expected.byStreet));
    for (const street of Object.keys(expected.byStreet)) expectSameTotals(actual.byStreet[street], expected.byStreet[street], `${where} ${street}`);
    for (const target of definition.targets)
      expectSameProgress(targetProgressFromGroups(target, targetGroups, context, filter), targetProgress(target, layer, { ...context, codes, mask }), `${where} ${target.id}`);
  }
}

interface StatsAnswer {
  groups: StatusGroup[];
  targetGroups: TargetGroup[];
}

async function expectRouteSameAsStored(layerId: string, days: readonly (string | null)[] = [null, ...DAYS]): Promise<void> {
  const layer = await storedLayer(layerId);
  for (const date of days) {
    const response = await fetch(`${server.baseUrl}/api/layers/${layerId}/stats${date ? `?date=${date}` : ''}`);
    expect(response.status).toBe(200);
    const { groups, targetGroups } = (await response.json()) as StatsAnswer;
    expectSameAsLayer(layer, groups, targetGroups, date, layerId);
  }
}

describe('the statistics and target progress of a tiled layer, from the database', () => {
  it('equal layerStats and targetProgress on the layer file, for every layer, day and filter', async () => {
    for (const definition of manifest.layers) await expectRouteSameAsStored(definition.id);
    const bad = await fetch(`${server.baseUrl}/api/layers/${LAYER}/stats?date=2025-02-30`);
    expect(bad.status).toBe(400);
  });

  it('follow a whole-layer save: a project entering the plan later, a changed status and condition, a deleted project', async () => {
    const definition = definitionOf(LAYER);
    const [first, second] = definition.statuses.map((status) => status.id);
    if (!first || !second) throw new Error('the layer needs two statuses');
    const editor = await server.login();
    const { text, etag } = await editor.layer(LAYER);
    const edited = JSON.parse(text) as PlanFeatureCollection;
    const [later, advanced, moved, , removed] = edited.features;
    if (!later || !advanced || !moved || !removed) throw new Error('the layer needs five projects');
    later.properties.history = [{ date: '2027-03-01', status: first }, { date: '2027-03-02', status: second }];
    later.properties.status = second;
    advanced.properties.history = [...advanced.properties.history, { date: '2027-03-01', status: first }];
    advanced.properties.status = first;
    moved.properties.plan = moved.properties.plan === 'demolish' ? 'renovate' : 'demolish';
    edited.features = edited.features.filter((feature) => feature !== removed);
    const saved = await editor.putLayer(LAYER, JSON.stringify(edited), etag);
    expect(saved.status, await saved.clone().text()).toBe(200);
    await expectRouteSameAsStored(LAYER);
  });

  it('follow saves of one project, a later save of the same project and its deletion', async () => {
    const editor = await server.login();
    const layer = await storedLayer(LAYER);
    const statuses = layer.definition.statuses.map((status) => status.id);
    const projectId = layer.featureAt(7)?.id ?? '';
    const path = `/api/layers/${LAYER}/features/${encodeURIComponent(projectId)}`;
    for (const [index, date] of ['2027-03-01', '2027-03-02'].entries()) {
      const { feature, version } = (await (await editor.get(path)).json()) as { feature: PlanFeature; version: string };
      const status = statuses[(statuses.indexOf(feature.properties.status) + 1 + index) % statuses.length] ?? '';
      feature.properties.history = [...feature.properties.history, { date, status }];
      feature.properties.status = status;
      feature.properties.plan = feature.properties.plan === 'demolish' ? 'renovate' : 'demolish';
      const saved = await editor.write('PUT', path, JSON.stringify(feature), { 'If-Match': `"${version}"`, 'Content-Type': 'application/geo+json' });
      expect(saved.status, await saved.clone().text()).toBe(200);
      await expectRouteSameAsStored(LAYER);
    }
    const { version } = (await (await editor.get(path)).json()) as { version: string };
    const deleted = await editor.write('DELETE', path, undefined, { 'If-Match': `"${version}"` });
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    await expectRouteSameAsStored(LAYER);
  });
});

describe('the target progress of a tiled layer, after its targets change', () => {
  it('follows targets reading other properties: the sums are made again with them', async () => {
    const admin = await server.login(ADMIN);
    const { manifest: plan, etag } = await readPlan(admin);
    const street = (await storedLayer(LAYER)).columns.streets[0] ?? '';
    const edited = editedPlan(plan, (copy) => {
      const targets = layerOf(copy, LAYER).targets;
      const [first] = targets;
      if (!first) throw new Error(`${LAYER} has no target`);
      targets.push(
        { ...first, id: 'uv-street', metric: 'count', where: { property: 'street', equals: street } },
        { ...first, id: 'uv-households', metric: 'sum', property: 'households', unit: { zh: '户', en: 'households' }, where: undefined },
      );
    });
    const saved = await putPlan(admin, edited, etag);
    expect(saved.status, await saved.clone().text()).toBe(200);
    manifest = parseManifest((await server.readStored('layers.json')).toString('utf8'));
    expect(statusFacetsOf(definitionOf(LAYER))).toEqual({ whereProperties: ['plan', 'street'], sumProperties: ['households'] });
    await expectRouteSameAsStored(LAYER);
    const { targetGroups } = (await (await fetch(`${server.baseUrl}/api/layers/${LAYER}/stats`)).json()) as StatsAnswer;
    expect(targetGroups.some((group) => (group.sums.households ?? 0) > 0 && group.where.street === street)).toBe(true);
  });
});

describe('the status sums, when single rows of plan_feature change', () => {
  let database: PlanDatabase;

  beforeAll(() => {
    const schema = server.databaseSchema;
    if (!schema) throw new Error('the database suite runs on a schema');
    database = schema.open();
  });

  afterAll(async () => {
    await database?.pool.end();
  });

  async function expectRowsSameAs(layerId: string, features: PlanFeature[], label: string): Promise<void> {
    const definition = definitionOf(layerId);
    const layer = measureLayer(definition, { type: 'FeatureCollection', features });
    for (const date of [null, ...DAYS]) {
      const { groups, targetGroups } = await queryStatusGroups(database.pool, layerId, date === null ? null : dayKey(date));
      expectSameAsLayer(layer, groups, targetGroups, date, label);
    }
  }

  async function writeProperties(layerId: string, feature: PlanFeature): Promise<void> {
    const updated = await database.pool.query('UPDATE plan_feature SET properties = $3 WHERE layer = $1 AND feature_id = $2', [layerId, feature.id, JSON.stringify(feature.properties)]);
    expect(updated.rowCount).toBe(1);
  }

  // Rows a save would refuse (same-day entries, no history, dates no day reads) can come from an import or an older file.
  it('an updated, an inserted and a deleted row, with same-day entries, no history and unreadable dates, follow as a whole save would', async () => {
    const layerId = 'major-projects';
    // Set before the rows change (the route above did already), so that only the triggers follow the changes.
    await ensureStatusFacets(database.pool, layerId, statusFacetsOf(definitionOf(layerId)));
    const features = (await storedLayer(layerId)).features.map((feature) => structuredClone(feature));
    const [unreadable, mixed, renamed, copied, gone, undated, shuffled] = features;
    if (!unreadable || !mixed || !renamed || !copied || !gone || !undated || !shuffled) throw new Error('the layer needs seven projects');
    const statuses = definitionOf(layerId).statuses.map((status) => status.id);
    // Dates no day reads: never in the plan on a past day, and still counted by today's status.
    unreadable.properties.history = [{ date: '2025/03/01', status: statuses[1] ?? '' }, { date: 'soon', status: statuses[2] ?? '' }];
    await writeProperties(layerId, unreadable);
    mixed.properties.history = [{ date: 'unknown', status: statuses[0] ?? '' }, { date: '2027-03-01T08:00:00+08:00', status: statuses[1] ?? '' }, { date: '2027-03-01', status: statuses[2] ?? '' }];
    mixed.properties.investment = '12.5';
    await writeProperties(layerId, mixed);
    // Out of date order, with two entries on one day apart: the later in the file holds.
    shuffled.properties.history = [{ date: '2025-01-01', status: statuses[2] ?? '' }, { date: '2024-03-01', status: statuses[0] ?? '' }, { date: '2025-01-01', status: statuses[1] ?? '' }];
    await writeProperties(layerId, shuffled);
    // Without history its status has always applied.
    undated.properties.history = [];
    undated.properties.status = statuses[2] ?? '';
    await writeProperties(layerId, undated);
    renamed.properties.street = '新街道';
    renamed.properties.investment = 'unknown';
    await writeProperties(layerId, renamed);
    await expectRowsSameAs(layerId, features, 'updated rows');

    const copy = { ...structuredClone(copied), id: `${copied.id}-copy` };
    copy.properties.investment = 7.25;
    await database.pool.query(
      `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters)
       SELECT layer, $3, $4, version, $5, geom, area_square_meters, length_meters FROM plan_feature WHERE layer = $1 AND feature_id = $2`,
      [layerId, copied.id, copy.id, features.length, JSON.stringify(copy.properties)],
    );
    features.push(copy);
    await expectRowsSameAs(layerId, features, 'an inserted row');

    await database.pool.query('DELETE FROM plan_feature WHERE layer = $1 AND feature_id = $2', [layerId, gone.id]);
    const kept = features.filter((feature) => feature !== gone);
    await expectRowsSameAs(layerId, kept, 'a deleted row');

    // An upsert fires the insert and the update triggers, each with its own rows.
    copy.properties.status = statuses[0] ?? '';
    copy.properties.history = [{ date: '2027-03-02', status: statuses[0] ?? '' }];
    await database.pool.query(
      `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters)
       SELECT layer, feature_id, ordinal, version, $3, geom, area_square_meters, length_meters FROM plan_feature WHERE layer = $1 AND feature_id = $2
       ON CONFLICT (layer, feature_id) DO UPDATE SET properties = excluded.properties`,
      [layerId, copy.id, JSON.stringify(copy.properties)],
    );
    await expectRowsSameAs(layerId, kept, 'an upserted row');
  });

  it('follow saves of different projects of one layer at once, without a deadlock', async () => {
    const layerId = 'green-space';
    await ensureStatusFacets(database.pool, layerId, statusFacetsOf(definitionOf(layerId)));
    const features = (await storedLayer(layerId)).features.map((feature) => structuredClone(feature));
    const statuses = definitionOf(layerId).statuses.map((status) => status.id);
    const many = openPlanDatabase(database.url, database.schema, 8);
    try {
      // Each holds its groups until it commits, so the eight overlap on the same sums.
      await Promise.all(
        features.slice(0, 8).map((feature, index) => {
          const status = statuses[index % statuses.length] ?? '';
          feature.properties.history = [...feature.properties.history, { date: `2027-03-0${1 + (index % 2)}`, status }];
          feature.properties.status = status;
          return inTransaction(many.pool, async (client) => {
            await client.query('UPDATE plan_feature SET properties = $3 WHERE layer = $1 AND feature_id = $2', [layerId, feature.id, JSON.stringify(feature.properties)]);
            await client.query('SELECT pg_sleep(0.2)');
          });
        }),
      );
    } finally {
      await many.pool.end();
    }
    await expectRowsSameAs(layerId, features, 'concurrent saves');
  });

  it('read a summed property as propertyNumber does', async () => {
    const values: unknown[] = [3.5, -2, 0, 1e308, '12.5', ' 7 ', '\u00a08\u3000', '+4', '-4', '.5', '5.', '1e3', '1E-2', '0x1F', '0X1f', '0o17', '0b101', '0B11', '5.e3', '00012', '-0x10', '', '  ', 'abc', '1,5', '١٢', 'Infinity', '1e400', '1e-400', 'NaN', true, null, [1], { value: 1 }];
    const { rows } = await database.pool.query<{ value: number | null }>('SELECT plan_property_number(value)::float8 AS value FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(value, position) ORDER BY position', [JSON.stringify(values)]);
    const expected = values.map((value) => {
      const number = propertyNumber(value);
      return Number.isFinite(number) ? number : null;
    });
    expect(rows.map((row) => row.value)).toEqual(expected);
  });
});
