/**
 * `npm run bench`: the same-run benchmark. Our app (built, on its real server) against
 * a plain MapLibre baseline page, on seeded synthetic cities, with floors, in one headless
 * Chromium (software GL). See docs/benchmark.md.
 */
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ensureAppBuilt } from './ensureBuild';
import { ensureCity, type City } from './generateCity';
import { startAppServer } from './appServer';
import { startBaselineServer } from './baselineServer';
import { launchChromium } from './chromium';
import { captureBasemapStyle } from './captureBasemapStyle';
import { machineInfo, type MachineInfo } from './machineInfo';
import { parseBenchOptions, type BenchOptions } from './cliOptions';
import { runSize, type Contenders, type SizeResult } from './runSize';
import { runAreaBench, type AreaBenchResult } from './domainBench';
import { runRealDistrict, type RealDistrictResult } from './realDistrict';
import { ensurePointCity, POINT_LAYER_ID } from './generatePointCity';
import { pointRows, runPoints, type PointsResult } from './runPoints';
import { areaRows, realDistrictRows, sizeRows, type MetricRow } from './summarize';
import { machineLine, reportTable } from './reportTable';
import { projectDirectory } from './paths';
import { log } from './log';
import type { FilterTarget } from './measureInteraction';
import { runTiles, type TileBenchResult } from './runTiles';
import { tileRows } from './tileRows';
import { runTileBrowser } from './runTileBrowser';
import type { TileBrowserResult } from './tileBrowserResult';
import { loadAverageLine, tileBrowserRows } from './tileBrowserRows';

interface BenchReport {
  startedAt: string;
  machine: MachineInfo;
  options: BenchOptions;
  sizes: SizeResult[];
  area: AreaBenchResult;
  realDistrict: RealDistrictResult | null;
  points: PointsResult | null;
  tiles: TileBenchResult[];
  tileBrowser: TileBrowserResult[];
  rows: MetricRow[];
}

/** `--tile-browser`: the tiled layer's browser rows at each tile size; none without the flag. */
async function benchmarkTileBrowser(options: BenchOptions): Promise<TileBrowserResult[]> {
  if (!options.tileBrowser) return [];
  return runTileBrowser(options.tileSizes, options.quick ? 1 : options.repetitions, options.timeoutMs);
}

function tileBrowserSummary(results: readonly TileBrowserResult[]): string {
  return results.length > 0 ? `Tiled layer in the browser: ${loadAverageLine(results)}\n` : '';
}

/** The largest polygon layer's first status: choosing it hides most of that layer. */
async function filterTarget(): Promise<FilterTarget> {
  const manifest = JSON.parse(await readFile(resolve(projectDirectory, 'geodata', 'layers.json'), 'utf8')) as { layers: { id: string; statuses: { id: string }[] }[] };
  const layer = manifest.layers.find((candidate) => candidate.id === 'old-neighborhoods') ?? manifest.layers[0];
  return { layerId: layer?.id ?? '', statusId: layer?.statuses[0]?.id ?? '' };
}

/**
 * Runs `run` with both contenders serving one geodata folder: the app on its real server and the
 * baseline page with the app's basemap style (captured first), at the same map size.
 */
async function withContenders<T>(city: City, run: (contenders: Contenders) => Promise<T>): Promise<T> {
  const app = await startAppServer(city.directory);
  const browser = await launchChromium();
  try {
    const basemap = await captureBasemapStyle(browser, app.baseUrl, city.directory, city.layerIds);
    await browser.close();
    const baseline = await startBaselineServer(city.directory, basemap.styleJson);
    try {
      return await run({ appUrl: app.baseUrl, baselineUrl: `${baseline.baseUrl}baseline/?w=${basemap.width}&h=${basemap.height}` });
    } finally {
      await baseline.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

async function benchmarkSize(size: number, options: BenchOptions, target: FilterTarget): Promise<SizeResult> {
  const city = await ensureCity({ size, seed: options.seed });
  const repetitions = size >= 200000 && options.repsForLargest !== null ? options.repsForLargest : options.repetitions;
  log(`${size.toLocaleString('en-US')} features (${(city.layerBytes / 1e6).toFixed(0)} MB of GeoJSON), ${repetitions} repetition(s) per contender, interleaved`);
  return withContenders(city, (contenders) => runSize(city, contenders, target, repetitions, options.timeoutMs));
}

/** The point layer against MapLibre's circle layer, on the point city, filtering its first status. */
async function benchmarkPoints(options: BenchOptions): Promise<PointsResult> {
  const city = await ensurePointCity({ size: options.points, seed: options.seed });
  log(`${city.size.toLocaleString('en-US')} points (${(city.layerBytes / 1e6).toFixed(0)} MB of GeoJSON), ${options.repetitions} repetition(s) per contender, interleaved`);
  return withContenders(city, (contenders) => runPoints(city, contenders, { layerId: POINT_LAYER_ID, statusId: 'planned' }, options.repetitions, options.timeoutMs));
}

async function benchmarkRealDistrict(options: BenchOptions): Promise<RealDistrictResult> {
  const geodata = resolve(projectDirectory, 'geodata');
  const manifest = JSON.parse(await readFile(resolve(geodata, 'layers.json'), 'utf8')) as { layers: { id: string }[] };
  const layerIds = manifest.layers.map((layer) => layer.id);
  const app = await startAppServer(geodata);
  const browser = await launchChromium();
  try {
    const basemap = await captureBasemapStyle(browser, app.baseUrl, geodata, layerIds);
    await browser.close();
    const baseline = await startBaselineServer(geodata, basemap.styleJson);
    try {
      const emptyMapUrl = `${baseline.baseUrl}baseline/?empty&w=${basemap.width}&h=${basemap.height}`;
      return await runRealDistrict(app.baseUrl, emptyMapUrl, layerIds, options.quick ? 1 : 3, options.timeoutMs);
    } finally {
      await baseline.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

/** `--only-tiles`: the server's tile rows alone, without a browser (they need no build either), unless `--tile-browser` asks for the browser rows too. */
async function mainTilesOnly(options: BenchOptions): Promise<void> {
  const startedAt = new Date().toISOString();
  let machine = '';
  if (options.tileBrowser) {
    ensureAppBuilt();
    const probe = await launchChromium();
    machine = `Machine: ${machineLine(await machineInfo(probe))}\n`;
    await probe.close();
  }
  const tiles = await runTiles(options.tileSizes);
  const tileBrowser = await benchmarkTileBrowser(options);
  const rows = [...tiles.flatMap(tileRows), ...tileBrowser.flatMap(tileBrowserRows)];
  const summary = `Plan Map tile benchmark, ${startedAt}\n${machine}${tileBrowserSummary(tileBrowser)}\n${reportTable(rows)}\n`;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ startedAt, options, tiles, tileBrowser, rows }, null, 2)}\n`);
    log(summary);
  } else {
    process.stdout.write(summary);
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.onlyTiles) return mainTilesOnly(options);
  ensureAppBuilt();
  const startedAt = new Date().toISOString();
  // Before any browser runs: the Node timing must not share the two cores with Chromium.
  log('area in Node: areaSquareMeters vs turf.area vs GeographicLib');
  const area = runAreaBench();
  const probe = await launchChromium();
  const machine = await machineInfo(probe);
  await probe.close();
  log(`machine: ${machineLine(machine)}`);
  const target = await filterTarget();
  const sizes: SizeResult[] = [];
  for (const size of options.sizes) sizes.push(await benchmarkSize(size, options, target));
  const points = options.points > 0 ? await benchmarkPoints(options) : null;
  let realDistrict: RealDistrictResult | null = null;
  if (!options.skipRealDistrict) {
    log('the bundled sample district (§4)');
    realDistrict = await benchmarkRealDistrict(options);
  }
  const tiles = options.tileSizes.length > 0 ? await runTiles(options.tileSizes) : [];
  const tileBrowser = await benchmarkTileBrowser(options);
  const rows = [
    ...sizes.flatMap(sizeRows), ...(points ? pointRows(points) : []), ...tiles.flatMap(tileRows), ...tileBrowser.flatMap(tileBrowserRows),
    ...areaRows(area), ...(realDistrict ? realDistrictRows(realDistrict) : []),
  ];
  const report: BenchReport = { startedAt, machine, options, sizes, area, realDistrict, points, tiles, tileBrowser, rows };
  const summary = `Plan Map benchmark, ${startedAt}\nMachine: ${machineLine(machine)}\nRepetitions per contender: ${[...sizes.map((size) => `${size.size}: ${size.repetitions}`), ...(points ? [`${points.size} points: ${points.repetitions}`] : [])].join(', ')}\n${tileBrowserSummary(tileBrowser)}\n${reportTable(rows)}\n`;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    log(summary);
  } else {
    process.stdout.write(summary);
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exitCode = 1;
});
