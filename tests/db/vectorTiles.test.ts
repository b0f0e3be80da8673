import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureBounds, type Bounds } from '../../src/domain/measure/featureBounds';
import type { PlanFeature, PlanFeatureCollection } from '../../src/domain/plan/planFeature';
import { statusAsOf } from '../../src/domain/progress/statusAsOf';
import { tileFeatureStatusAsOf } from '../../src/domain/tiles/tileFeatureStatus';
import { projectVersionOf, rawProjectsOf } from '../../src/data/projectVersion';
import { startApiTestServer, VIEWER, type ApiTestServer } from '../api/support/apiTestServer';
import { parseLayer, parseManifest } from '../../src/data/parseGeodata';
import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { filterMask, type LayerFilter } from '../../src/domain/browse/featureFilter';
import { measureFeatures, measureLayer } from '../../src/domain/measure/measuredLayer';
import { statusCodesAsOf } from '../../src/domain/progress/statusCodesAsOf';
import { statusColorExpression, tiledLayerFilter } from '../../src/map/tiledLayerStyle';

/*
 * Vector tiles of plan layers, made by PostGIS from plan_feature, on the real server over a real
 * database: what a tile holds, that a save reaches the tiles, the conditional answers, and the
 * details a click asks for.
 */

const LAYER = 'urban-villages';
const TILE_BUFFER_FRACTION = 64 / 4096;

let server: ApiTestServer;
let features: PlanFeature[];

beforeAll(async () => {
  server = await startApiTestServer();
  features = (JSON.parse(await readFile(join(server.geodataDirectory, `${LAYER}.geojson`), 'utf8')) as PlanFeatureCollection).features;
});

afterAll(async () => {
  await server?.close();
});

function longitudeOfX(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function latitudeOfY(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** [west, south, east, north] of a tile grown by `margin` tile widths on each side. */
function tileBounds(z: number, x: number, y: number, margin = 0): Bounds {
  return [longitudeOfX(x - margin, z), latitudeOfY(y + 1 + margin, z), longitudeOfX(x + 1 + margin, z), latitudeOfY(y - margin, z)];
}

function tileOf(longitude: number, latitude: number, z: number): { x: number; y: number } {
  const side = 2 ** z;
  const radians = (latitude * Math.PI) / 180;
  return {
    x: Math.floor(((longitude + 180) / 360) * side),
    y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side),
  };
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function inside(inner: Bounds, outer: Bounds): boolean {
  return inner[0] > outer[0] && inner[2] < outer[2] && inner[1] > outer[1] && inner[3] < outer[3];
}

function decode(bytes: ArrayBuffer): VectorTile {
  return new VectorTile(new PbfReader(new Uint8Array(bytes)));
}

function featuresOf(tile: VectorTile, layer = LAYER): { ordinal: number | undefined; attributes: Record<string, string | number | boolean> }[] {
  const found = tile.layers[layer];
  if (!found) return [];
  return Array.from({ length: found.length }, (_, index) => {
    const feature = found.feature(index);
    return { ordinal: feature.id, attributes: feature.properties };
  });
}

/** The z14 tile over the middle of the layer's first project. */
function tileOverFirstProject(z = 14): { z: number; x: number; y: number } {
  const bounds = featureBounds(features[0]?.geometry);
  if (!bounds) throw new Error('the first project has no geometry');
  return { z, ...tileOf((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, z) };
}

describe('a tile of a plan layer', () => {
  it('holds the projects inside it, each with its id, ordinal, status, sub-district and dated history', async () => {
    const { z, x, y } = tileOverFirstProject(13);
    const response = await fetch(`${server.baseUrl}/api/layers/${LAYER}/tiles/${z}/${x}/${y}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const decoded = featuresOf(decode(await response.arrayBuffer()));
    const tile = tileBounds(z, x, y);
    const grown = tileBounds(z, x, y, TILE_BUFFER_FRACTION);
    const wholeInside = features.filter((feature) => {
      const bounds = featureBounds(feature.geometry);
      return bounds !== null && inside(bounds, tile);
    });
    expect(wholeInside.length).toBeGreaterThan(0);
    const ids = new Set(decoded.map((feature) => feature.attributes.id));
    for (const feature of wholeInside) expect(ids).toContain(feature.id);
    const dates = ['2023-12-31', '2024-03-01', '2024-10-19', '2025-06-30', '2030-01-01'];
    for (const { ordinal, attributes } of decoded) {
      const index = features.findIndex((feature) => feature.id === attributes.id);
      const source = features[index];
      if (!source) throw new Error(`the tile holds ${String(attributes.id)}, which the layer does not`);
      expect(ordinal).toBe(index);
      const bounds = featureBounds(source.geometry);
      expect(bounds && overlaps(bounds, grown)).toBe(true);
      expect(attributes.status).toBe(source.properties.status);
      expect(attributes.street).toBe(source.properties.street);
      for (const date of dates) expect(tileFeatureStatusAsOf(attributes, date), `${source.id} on ${date}`).toBe(statusAsOf(source.properties, date));
    }
  });

  it('is cached, answers 304 to its own ETag, and changes with a save (its revision is in the ETag)', async () => {
    const { z, x, y } = tileOverFirstProject();
    const path = `/api/layers/${LAYER}/tiles/${z}/${x}/${y}`;
    const first = await fetch(`${server.baseUrl}${path}`);
    const etag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    const again = await fetch(`${server.baseUrl}${path}`);
    expect(again.headers.get('x-plan-tile-cache')).toBe('hit');
    expect(Buffer.from(await again.arrayBuffer()).equals(firstBytes)).toBe(true);
    const unchanged = await fetch(`${server.baseUrl}${path}`, { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);

    const project = features[0];
    if (!project) throw new Error('no project');
    const newStatus = project.properties.status === 'pending' ? 'expropriating' : 'pending';
    const editor = await server.login();
    const { text, etag: layerEtag } = await editor.layer(LAYER);
    const edited = JSON.parse(text) as PlanFeatureCollection;
    const target = edited.features.find((feature) => feature.id === project.id);
    if (!target) throw new Error('no project to edit');
    target.properties.status = newStatus;
    target.properties.history = [...target.properties.history, { date: '2026-12-01', status: newStatus }];
    const saved = await editor.putLayer(LAYER, JSON.stringify(edited), layerEtag);
    expect(saved.status, await saved.clone().text()).toBe(200);

    const after = await fetch(`${server.baseUrl}${path}`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.headers.get('x-plan-tile-cache')).toBe('miss');
    const changed = featuresOf(decode(await after.arrayBuffer())).find((feature) => feature.attributes.id === project.id);
    expect(changed?.attributes.status).toBe(newStatus);
  });

  it('is empty, and still a tile, where the layer has nothing', async () => {
    const response = await fetch(`${server.baseUrl}/api/layers/${LAYER}/tiles/14/0/0`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-plan-tile-features')).toBe('0');
    const bytes = await response.arrayBuffer();
    expect(bytes.byteLength).toBe(0);
    expect(Object.keys(decode(bytes).layers)).toEqual([]);
  });

  it('refuses addresses outside the pyramid with 400 and unknown layers with 404', async () => {
    for (const address of ['23/0/0', '3/8/0', '3/0/8', '3/-1/0', '3/a/0', '3/0/0.5', '03/0/0x']) {
      const response = await fetch(`${server.baseUrl}/api/layers/${LAYER}/tiles/${address}`);
      expect(response.status, address).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('bad-tile-address');
    }
    const unknown = await fetch(`${server.baseUrl}/api/layers/no-such-layer/tiles/3/0/0`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('unknown-layer');
  });
});

describe('the map style of a tiled layer', () => {
  it('shows, and colours, exactly what the deck.gl path shows for the same filter and day', async () => {
    const definition = parseManifest((await server.readStored('layers.json')).toString('utf8')).layers.find((layer) => layer.id === LAYER);
    if (!definition) throw new Error(`no ${LAYER} in the manifest`);
    // As stored now: a test above saved the layer.
    const measured = measureLayer(definition, parseLayer((await server.readStored(`${LAYER}.geojson`)).toString('utf8'), LAYER));
    const { z, x, y } = tileOverFirstProject(12);
    const tile = featuresOf(decode(await (await fetch(`${server.baseUrl}/api/layers/${LAYER}/tiles/${z}/${x}/${y}`)).arrayBuffer()));
    expect(tile.length).toBeGreaterThan(5);
    const streets = [...new Set(features.map((feature) => feature.properties.street ?? ''))];
    const listed = new Uint8Array(measured.featureCount).map((_, index) => (index % 3 === 0 ? 1 : 0));
    const filters: (LayerFilter | undefined)[] = [
      undefined,
      { statuses: [definition.statuses[0]?.id ?? ''], streets: [] },
      { statuses: definition.statuses.slice(1).map((status) => status.id), streets: streets.slice(0, 1) },
      { statuses: [], streets: [], features: listed },
    ];
    const colours = new Map(definition.statuses.map((status) => [status.id, status.color]));
    for (const date of [null, '2024-03-01', '2025-01-01']) {
      const codes = date === null ? measured.columns.currentStatus : statusCodesAsOf(measured.columns, date);
      const colour = createExpression(statusColorExpression(definition, date), 'paint');
      if (colour.result !== 'success') throw new Error('the colour expression does not parse');
      for (const filter of filters) {
        const mask = filterMask(measured, filter, codes);
        const shown = featureFilter(tiledLayerFilter(filter, date), 'filter');
        for (const { ordinal, attributes } of tile) {
          const index = ordinal ?? -1;
          const feature = { type: 3 as const, id: ordinal, properties: attributes };
          expect(shown.filter({ zoom: z }, feature), `${String(attributes.id)} on ${date ?? 'today'}`).toBe(mask[index] === 1);
        }
      }
      for (const { ordinal, attributes } of tile) {
        const status = measured.columns.statusIds[codes[ordinal ?? -1] ?? -1];
        if (status === undefined) continue;
        expect(colour.value.evaluate({ zoom: z }, { type: 3, id: ordinal, properties: attributes })).toBe(colours.get(status) ?? definition.color);
      }
    }
  });
});

describe('the details of one project of a tiled layer', () => {
  it('are its stored properties, its own version, and the measures the app computes from the layer file', async () => {
    const stored = await server.readStored(`${LAYER}.geojson`);
    const collection = parseLayer(stored.toString('utf8'), `${LAYER}.geojson`);
    const raw = rawProjectsOf(stored);
    for (const project of collection.features.slice(0, 5)) {
      const response = await fetch(`${server.baseUrl}/api/layers/${LAYER}/features/${encodeURIComponent(project.id)}`);
      expect(response.status).toBe(200);
      const details = (await response.json()) as { id: string; version: string; feature: { properties: unknown }; areaSquareMeters: number; lengthMeters: number };
      const rawProject = raw.find((candidate) => candidate.id === project.id);
      if (!rawProject) throw new Error(`${project.id} is not in the layer's bytes`);
      const measures = measureFeatures([project]);
      expect(details.id).toBe(project.id);
      expect(details.version).toBe(projectVersionOf(rawProject));
      expect(response.headers.get('etag')).toBe(`"${details.version}"`);
      expect(details.feature.properties).toEqual(project.properties);
      expect(details.areaSquareMeters).toBe(measures.areaSquareMeters[0]);
      expect(details.lengthMeters).toBe(measures.lengthMeters[0]);
    }
    const missing = await fetch(`${server.baseUrl}/api/layers/${LAYER}/features/NO-SUCH-PROJECT`);
    expect(missing.status).toBe(404);
  });
});

describe('with reading behind a login', () => {
  let closed: ApiTestServer;

  beforeAll(async () => {
    // Tiled from the size of the urban villages up, so that some sample layers are tiled and some not.
    closed = await startApiTestServer({ readAccess: 'login', tiledLayerMinFeatures: features.length });
  });

  afterAll(async () => {
    await closed?.close();
  });

  it('tiles and details are for signed-in readers only, as the layers are', async () => {
    const paths = [`/api/layers/${LAYER}/tiles/3/0/0`, `/api/layers/${LAYER}/features/${features[0]?.id ?? ''}`];
    for (const path of paths) expect((await fetch(`${closed.baseUrl}${path}`)).status, path).toBe(401);
    const viewer = await closed.login(VIEWER);
    for (const path of paths) expect((await viewer.get(path)).status, path).toBe(200);
  });

  it("the layer list gives each layer's project count and whether it is tiled, by the threshold", async () => {
    const viewer = await closed.login(VIEWER);
    const { layers } = (await (await viewer.get('/api/layers')).json()) as { layers: { id: string; featureCount: number; tiled: boolean }[] };
    const tiled: string[] = [];
    for (const layer of layers) {
      const count = parseLayer((await closed.readStored(`${layer.id}.geojson`)).toString('utf8'), layer.id).features.length;
      expect(layer.featureCount, layer.id).toBe(count);
      expect(layer.tiled, layer.id).toBe(count >= features.length);
      if (layer.tiled) tiled.push(layer.id);
    }
    expect(tiled).toContain(LAYER);
    expect(tiled.length).toBeLessThan(layers.length);
  });
});
