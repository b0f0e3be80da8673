import { afterAll, beforeAll, expect, it } from 'vitest';
import { readGeodataDirectory } from '../../src/data/readGeodataDirectory';
import { measureLayer } from '../../src/domain/measure/measuredLayer';
import { targetSeries } from '../../src/domain/progress/targetSeries';
import { targetSeriesFromDays, type DayGroup } from '../../src/domain/progress/targetSeriesFromDays';
import { EDITOR, signedInClient, startApiTestServer, type ApiTestServer } from '../api/support/apiTestServer';
import { parseLayer } from '../../src/data/parseGeodata';

/*
 * A tiled layer's targets over time, drawn from the database's changes per day
 * (GET …/stats/days): for every target of the sample district, the same series as the page
 * draws from the whole layer file, step for step, and again after a save that moves a project.
 */

const TODAY = '2026-11-26';
let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function daysOf(layerId: string): Promise<DayGroup[]> {
  const response = await fetch(`${server.baseUrl}/api/layers/${layerId}/stats/days`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { days: DayGroup[] }).days;
}

async function expectSameSeries(): Promise<number> {
  const { manifest } = await readGeodataDirectory(server.geodataDirectory);
  let compared = 0;
  for (const definition of manifest.layers) {
    // The layer as the store holds it now, saves included.
    const text = await (await fetch(`${server.baseUrl}/api/layers/${definition.id}`)).text();
    const layer = measureLayer(definition, parseLayer(text, `${definition.id}.geojson`));
    const days = await daysOf(definition.id);
    for (const target of definition.targets) {
      const context = { planStart: manifest.district.planStart, today: TODAY };
      const whole = targetSeries(target, layer, context);
      const fromDays = targetSeriesFromDays(target, days, context);
      const label = `${definition.id} ${target.id}`;
      expect(fromDays.endDate, label).toBe(whole.endDate);
      // Sums moved by adding and subtracting may leave a step of no change on one side only.
      const changed = (steps: typeof whole.steps) => steps.filter((step, index) => index === 0 || Math.abs(step.actual - (steps[index - 1]?.actual ?? 0)) > 1e-9);
      const expected = changed(whole.steps);
      const actual = changed(fromDays.steps);
      expect(actual.map((step) => step.date), label).toEqual(expected.map((step) => step.date));
      actual.forEach((step, index) => expect(step.actual, `${label} ${step.date}`).toBeCloseTo(expected[index]?.actual ?? Number.NaN, 6));
      compared += 1;
    }
  }
  return compared;
}

it('gives every target the series the whole layer gives, and follows a save', async () => {
  expect(await expectSameSeries()).toBeGreaterThan(15);
  const { features } = (await (await fetch(`${server.baseUrl}/geodata/old-neighborhoods.geojson`)).json()) as { features: { id: string; properties: { status: string; history: { date: string; status: string }[] } }[] };
  const pending = features.find((feature) => feature.properties.status === 'pending');
  if (!pending) throw new Error('the sample has a pending old neighbourhood');
  const editor = await signedInClient(server.baseUrl, EDITOR);
  const project = (await (await editor.get(`/api/layers/old-neighborhoods/features/${pending.id}`)).json()) as { feature: typeof pending; version: string };
  const moved = { ...project.feature, properties: { ...project.feature.properties, status: 'completed', history: [...project.feature.properties.history, { date: '2026-03-02', status: 'completed' }] } };
  const saved = await editor.write('PUT', `/api/layers/old-neighborhoods/features/${pending.id}`, JSON.stringify(moved), { 'If-Match': `"${project.version}"`, 'Content-Type': 'application/geo+json' });
  expect(saved.status).toBe(200);
  expect((await daysOf('old-neighborhoods')).some((group) => group.day === 20260302)).toBe(true);
  await expectSameSeries();
});
