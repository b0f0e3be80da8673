/**
 * The browser rows of the tiled layer: the built app on its real server over the bench database
 * (idle-land generated at `size` parcels, so the app draws it from vector tiles) against a plain
 * MapLibre page drawing the same tiles from the same server, with a fill and an outline coloured
 * by a `match` on status and `setFilter` for the filter click. Each repetition is a fresh browser
 * opened at one view (the district as the app fits it, and a street at zoom 15), interleaved.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPlanMapServer, type PlanMapServer } from '../../src/server/createPlanMapServer';
import { OUTLINE_MIN_ZOOM } from '../../src/map/planDeckLayers';
import { TILED_LAYER_MAX_ZOOM } from '../../src/map/tiledLayerStyle';
import { startPostgresCluster, stopPostgresCluster } from '../postgres/postgresCluster';
import { listen, startBaselineServer } from './baselineServer';
import { captureBasemapStyle } from './captureBasemapStyle';
import { launchChromium } from './chromium';
import { measureLoad } from './measureLoad';
import { measureFilterToggle, measurePanFrame, type FilterTarget } from './measureInteraction';
import { openSession, type PageSession } from './pageSession';
import { ensureTileBenchSchema, readTileBenchManifest, TILE_BENCH_CLUSTER_DIRECTORY, TILE_BENCH_LAYER, tileBenchGeodata, tileBenchSchema } from './tileBenchSchema';
import { projectDirectory } from './paths';
import { TILE_STREET_ZOOM, type TileBrowserRepetition, type TileBrowserResult, type TileView, type TileViewFloor, type TileViewResult } from './tileBrowserResult';
import { log } from './log';

/** The legend row clicked: showing only the last status of the lifecycle hides most parcels. */
const FILTER_STATUS = 'revitalized';

interface ViewUrls {
  view: TileView;
  app: string;
  /** The app at the same view with every layer hidden. */
  appFloor: string;
  baseline: string;
}

const isTileUrl = (url: string): boolean => url.includes(`/api/layers/${TILE_BENCH_LAYER}/tiles/`);

function countTileResponses(session: PageSession): () => number {
  let count = 0;
  session.page.on('response', (response) => { if (isTileUrl(response.url())) count++; });
  return () => count;
}

async function runRepetition(url: string, target: FilterTarget, timeoutMs: number): Promise<TileBrowserRepetition> {
  const session = await openSession();
  try {
    const tiles = countTileResponses(session);
    const load = await measureLoad(session, url, [], timeoutMs);
    const tilesAtFirstFullRender = tiles();
    const filter = await measureFilterToggle(session, target, timeoutMs);
    const panFrameMs = await measurePanFrame(session, timeoutMs);
    return { firstFullRenderMs: load.firstFullRenderMs, filterLatencyMs: filter.latencyMs, panFrameMs, pssBytes: load.pssBytes, tilesAtFirstFullRender, errors: [...session.errors] };
  } finally {
    await session.close();
  }
}

/** Loads a page and pans it once, unmeasured: the server's tile cache then holds what both contenders ask for. */
async function warmTiles(url: string, timeoutMs: number): Promise<void> {
  const session = await openSession();
  try {
    await measureLoad(session, url, [], timeoutMs);
    await measurePanFrame(session, timeoutMs);
  } finally {
    await session.close();
  }
}

async function measureFloor(url: string, timeoutMs: number): Promise<TileViewFloor> {
  const session = await openSession();
  try {
    const load = await measureLoad(session, url, [], timeoutMs);
    const panFrameMs = await measurePanFrame(session, timeoutMs);
    return { firstFullRenderMs: load.firstFullRenderMs, panFrameMs, pssBytes: load.pssBytes };
  } finally {
    await session.close();
  }
}

async function runViews(size: number, views: readonly ViewUrls[], repetitions: number, timeoutMs: number): Promise<TileViewResult[]> {
  const target: FilterTarget = { layerId: TILE_BENCH_LAYER, statusId: FILTER_STATUS };
  const results: TileViewResult[] = [];
  for (const urls of views) {
    log(`  ${size.toLocaleString('en-US')} parcels, ${urls.view} view: warming the server's tile cache`);
    await warmTiles(urls.baseline, timeoutMs);
    const result: TileViewResult = { view: urls.view, ours: [], baseline: [], floor: { firstFullRenderMs: Number.NaN, panFrameMs: Number.NaN, pssBytes: Number.NaN } };
    for (let repetition = 0; repetition < repetitions; repetition++) {
      for (const [id, url, list] of [['ours', urls.app, result.ours], ['baseline', urls.baseline, result.baseline]] as const) {
        log(`  ${size.toLocaleString('en-US')} parcels, ${urls.view} view: ${id}, repetition ${repetition + 1}/${repetitions} (load ${loadavg()[0]?.toFixed(2)})`);
        const measured = await runRepetition(url, target, timeoutMs);
        log(`    first full render ${(measured.firstFullRenderMs / 1000).toFixed(2)} s (${measured.tilesAtFirstFullRender} tiles), filter click → pixels ${measured.filterLatencyMs.map((ms) => `${ms.toFixed(0)} ms`).join(' / ')}, pan frame ${measured.panFrameMs.toFixed(1)} ms, PSS ${(measured.pssBytes / 1e6).toFixed(0)} MB`);
        if (measured.errors.length > 0) log(`    page errors: ${measured.errors.slice(0, 3).join(' | ')}`);
        list.push(measured);
      }
    }
    log(`  ${size.toLocaleString('en-US')} parcels, ${urls.view} view: the app with every layer hidden (floor)`);
    result.floor = await measureFloor(urls.appFloor, timeoutMs);
    log(`    first full render ${(result.floor.firstFullRenderMs / 1000).toFixed(2)} s, pan frame ${result.floor.panFrameMs.toFixed(1)} ms`);
    results.push(result);
  }
  return results;
}

function withSearch(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** The app server over the size's schema and, on its own origin, the baseline page drawing the same tiles. */
async function benchmarkSize(clusterUrl: string, size: number, repetitions: number, timeoutMs: number): Promise<TileBrowserResult> {
  const manifest = await readTileBenchManifest();
  const layerIds = manifest.layers.map((layer) => layer.id);
  const stateDirectory = await mkdtemp(join(tmpdir(), 'plan-map-tile-browser-'));
  const appServer: PlanMapServer = createPlanMapServer({
    distDirectory: resolve(projectDirectory, 'dist'), geodataDirectory: tileBenchGeodata, stateDirectory,
    api: { database: { url: clusterUrl, schema: tileBenchSchema(size) } },
  });
  const app = await listen(appServer);
  try {
    const probe = await launchChromium();
    const basemap = await captureBasemapStyle(probe, app.baseUrl, tileBenchGeodata, layerIds).finally(() => probe.close());
    const baseline = await startBaselineServer(tileBenchGeodata, basemap.styleJson, appServer);
    try {
      const [longitude, latitude] = manifest.district.center;
      const street = `${TILE_STREET_ZOOM}/${latitude}/${longitude}`;
      // Only the tiled layer in both: the app's other layers are deck.gl's, which the baseline does not draw here.
      const appDistrict = withSearch(app.baseUrl, { hide: layerIds.filter((id) => id !== TILE_BENCH_LAYER).join(',') });
      const appEmpty = withSearch(app.baseUrl, { hide: layerIds.join(',') });
      const baselinePage = withSearch(`${baseline.baseUrl}baseline/`, {
        w: String(basemap.width), h: String(basemap.height), tiles: TILE_BENCH_LAYER, tileMaxZoom: String(TILED_LAYER_MAX_ZOOM), outlineFrom: String(OUTLINE_MIN_ZOOM),
      });
      const views: ViewUrls[] = [
        { view: 'district', app: appDistrict, appFloor: appEmpty, baseline: withSearch(baselinePage, { map: basemap.camera }) },
        { view: 'street', app: withSearch(appDistrict, { map: street }), appFloor: withSearch(appEmpty, { map: street }), baseline: withSearch(baselinePage, { map: street }) },
      ];
      const before = loadavg()[0] ?? Number.NaN;
      const results = await runViews(size, views, repetitions, timeoutMs);
      return { size, repetitions, loadAverage: { before, after: loadavg()[0] ?? Number.NaN }, views: results };
    } finally {
      await baseline.close();
    }
  } finally {
    await app.close();
    await appServer.api?.close();
    await rm(stateDirectory, { recursive: true, force: true });
  }
}

/** For each size: the schema (generated when missing), then both contenders at both views. */
export async function runTileBrowser(sizes: readonly number[], repetitions: number, timeoutMs: number): Promise<TileBrowserResult[]> {
  const manifest = await readTileBenchManifest();
  const cluster = await startPostgresCluster(TILE_BENCH_CLUSTER_DIRECTORY);
  const results: TileBrowserResult[] = [];
  try {
    for (const size of sizes) {
      await ensureTileBenchSchema(cluster.url, size, manifest);
      log(`${size.toLocaleString('en-US')} parcels in the browser: the app against MapLibre on the same tiles, ${repetitions} repetition(s) per view`);
      results.push(await benchmarkSize(cluster.url, size, repetitions, timeoutMs));
    }
  } finally {
    await stopPostgresCluster(TILE_BENCH_CLUSTER_DIRECTORY, { remove: false });
  }
  return results;
}
