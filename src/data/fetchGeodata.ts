import type { Manifest } from '../domain/plan/manifest';
import { emptyMeasuredLayer, measuredLayerFromParts, type LayerParts, type MeasuredLayer } from '../domain/measure/measuredLayer';
import { parseManifest } from './parseGeodata';
import { httpFailure } from './httpFailure';
import { LAYER_PARTS_HEADER } from './layerPartsHeader';
import { PLAN_EVENTS_HEADER } from './planEventsHeader';
import { TILED_LAYERS_HEADER } from './tiledLayersHeader';
import { parseTour } from './parseTour';
import type { Tour } from '../domain/tour/tour';
import type { GeodataLoadReply, GeodataLoadRequest } from './geodataLoadMessages';
import { layerPartsFromBytes } from './layerPartsFromBytes';

export interface LoadedGeodata {
  manifest: Manifest;
  /** The guided tour, when geodata/tour.json exists and parses; otherwise why not. */
  tour: { tour: Tour } | { tour: null; problem: string | null };
  /** In manifest order, each feature measured once. */
  layers: MeasuredLayer[];
}

type LayerJob = GeodataLoadRequest['layers'][number];

/** A layer that arrived as the server's parts: its features' text is the file at `url`, of version `sourceTag`. */
export interface PendingFeatureText {
  job: LayerJob;
  sourceTag: string;
  parts: LayerParts;
}

/**
 * The version (ETag) of the file each layer was read from, by layer id, where the server named
 * one: live updates compare it with the versions the server announces.
 */
export type LoadedVersions = Record<string, string>;

/** The layers, ready to draw and count, and those whose features are still to be fetched. */
export interface LoadedLayers {
  layers: MeasuredLayer[];
  pendingFeatureTexts: PendingFeatureText[];
  versions: LoadedVersions;
}

interface LoadedInWorkers {
  byId: Map<string, MeasuredLayer>;
  pending: PendingFeatureText[];
  versions: LoadedVersions;
}

/** A performance measure around each layer the page receives from the load worker. */
export const LAYER_RECEIVED_MEASURE = 'plan-map:layer-received';

/**
 * Load workers in parallel: on two cores the page is mostly idle while layers load (the basemap
 * draws first), so a second worker shortens the wait; more than the cores only compete.
 */
function loadWorkerCount(): number {
  const cores = typeof navigator === 'object' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, 4));
}

/**
 * The load workers. Started once the manifest is in, not with the page: started with the page
 * they slow MapLibre's start, and its first frames then land on the GPU just when the layers do
 * (npm run bench: first full render 4.1 s → 4.9 s at 75k).
 */
function startLoadWorkers(jobCount: number): Worker[] {
  return Array.from({ length: Math.min(jobCount, loadWorkerCount()) }, (_, index) =>
    new Worker(new URL('./geodataWorker.ts', import.meta.url), { type: 'module', name: `plan-map-geodata-${index + 1}` }));
}

/** Jobs a worker holds at once: the next one waits in the worker, not behind a busy page. */
const JOBS_IN_FLIGHT = 2;

/** Runs the jobs in the load workers, handing each worker its next job as one finishes; the page receives typed arrays and never parses a layer itself. */
function loadInWorkers(jobs: LayerJob[], signal: AbortSignal): Promise<LoadedInWorkers> {
  return new Promise((resolve, reject) => {
    const workers = startLoadWorkers(jobs.length);
    const queue = [...jobs];
    const loaded = new Map<string, MeasuredLayer>();
    const pending: PendingFeatureText[] = [];
    const versions: LoadedVersions = {};
    const finish = (outcome: () => void) => {
      for (const worker of workers) worker.terminate();
      signal.removeEventListener('abort', abort);
      outcome();
    };
    const abort = () => finish(() => reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError')));
    signal.addEventListener('abort', abort);
    const next = (worker: Worker) => {
      const job = queue.shift();
      if (!job) return;
      const request: GeodataLoadRequest = { layers: [job] };
      worker.postMessage(request, job.bytes ? [job.bytes.buffer] : []);
    };
    const onReply = (worker: Worker) => (event: MessageEvent<GeodataLoadReply>) => {
      // Named in traces and by npm run bench: the page's whole share of loading a layer.
      const received = performance.now();
      const reply = event.data;
      const job = jobs.find((candidate) => candidate.definition.id === reply.layerId);
      if (!job) return;
      if ('error' in reply) {
        finish(() => reject(new Error(reply.error.message)));
        return;
      }
      loaded.set(reply.layerId, measuredLayerFromParts(job.definition, reply.parts));
      if (reply.sourceTag !== undefined) pending.push({ job, sourceTag: reply.sourceTag, parts: reply.parts });
      if (reply.version !== undefined) versions[reply.layerId] = reply.version;
      performance.measure(LAYER_RECEIVED_MEASURE, { start: received });
      if (loaded.size === jobs.length) finish(() => resolve({ byId: loaded, pending, versions }));
      else next(worker);
    };
    for (const worker of workers) {
      worker.onmessage = onReply(worker);
      worker.onerror = (event) => finish(() => reject(new Error(`geodata worker: ${event.message}`)));
    }
    for (let round = 0; round < JOBS_IN_FLIGHT; round++) for (const worker of workers) next(worker);
  });
}

async function fileBytes(job: LayerJob, signal: AbortSignal): Promise<{ bytes: Uint8Array; version: string | undefined }> {
  const response = await fetch(job.url, { signal });
  if (!response.ok) throw httpFailure(job.file, response);
  return { bytes: new Uint8Array(await response.arrayBuffer()), version: response.headers.get('ETag') ?? undefined };
}

/** Without workers (old browsers, some embedded views) the same preparation runs on the page. */
async function loadOnPage(jobs: LayerJob[], signal: AbortSignal): Promise<LoadedInWorkers> {
  const versions: LoadedVersions = {};
  const loaded = await Promise.all(jobs.map(async (job) => {
    const source = job.bytes ? { bytes: job.bytes, version: job.bytesVersion } : await fileBytes(job, signal);
    if (source.version !== undefined) versions[job.definition.id] = source.version;
    const parts = layerPartsFromBytes(job.definition, source.bytes, job.file);
    return [job.definition.id, measuredLayerFromParts(job.definition, parts)] as const;
  }));
  return { byId: new Map(loaded), pending: [], versions };
}

function prepareLayers(jobs: LayerJob[], signal: AbortSignal): Promise<LoadedInWorkers> {
  return typeof Worker === 'function' ? loadInWorkers(jobs, signal) : loadOnPage(jobs, signal);
}

/** Browser side: `<baseUrl>layers.json` and the optional tour, small files the map can open with. */
export async function fetchManifest(
  baseUrl: string,
  signal: AbortSignal,
): Promise<Pick<LoadedGeodata, 'manifest' | 'tour'> & { layerPartsServed: boolean; eventsServed: boolean; tiledLayerIds: ReadonlySet<string> }> {
  // no-cache: after the plan changes, a page must not get the old layers.json from its cache.
  const manifestResponse = fetch(new URL('layers.json', baseUrl).href, { signal, cache: 'no-cache' });
  const [manifest, tour, layerPartsServed, eventsServed, tiledLayerIds] = await Promise.all([
    manifestResponse.then(async (response) => {
      if (!response.ok) throw httpFailure('layers.json', response);
      return parseManifest(await response.text(), 'layers.json');
    }),
    fetchTour(baseUrl, signal),
    // Our server computes layers ahead (LayerPartsCache) and says so; static hosting does not.
    manifestResponse.then((response) => response.headers.get(LAYER_PARTS_HEADER) === '1'),
    manifestResponse.then((response) => response.headers.get(PLAN_EVENTS_HEADER) === '1'),
    // Layers too large to send whole: the map draws them from the server's vector tiles.
    manifestResponse.then((response) => new Set((response.headers.get(TILED_LAYERS_HEADER) ?? '').split(',').filter(Boolean))),
  ]);
  return { manifest, tour, layerPartsServed, eventsServed, tiledLayerIds };
}

/**
 * Browser side: every layer the manifest lists, prepared in the load workers, in manifest order.
 * Layers the server prepared come without their features' text (see fetchFeatureTexts). A tiled
 * layer is not fetched: it stands in the list with no projects, and the map, statistics and
 * details read it from the server (tiledLayerStyle, /stats, /features/<id>).
 */
export async function fetchLayers(
  manifest: Manifest,
  baseUrl: string,
  signal: AbortSignal,
  layerPartsServed = false,
  tiledLayerIds: ReadonlySet<string> = new Set(),
): Promise<LoadedLayers> {
  const jobs = manifest.layers.filter((definition) => !tiledLayerIds.has(definition.id)).map((definition): LayerJob => {
    const file = `${definition.id}.geojson`;
    const url = new URL(file, baseUrl).href;
    return layerPartsServed ? { definition, file, url, partsUrl: new URL(`${definition.id}.parts`, baseUrl).href } : { definition, file, url };
  });
  const { byId, pending, versions } = jobs.length > 0 ? await prepareLayers(jobs, signal) : { byId: new Map<string, MeasuredLayer>(), pending: [], versions: {} };
  const layers = manifest.layers.flatMap((definition) => {
    const layer = tiledLayerIds.has(definition.id) ? emptyMeasuredLayer(definition) : byId.get(definition.id);
    return layer ? [layer] : [];
  });
  return { layers, pendingFeatureTexts: pending, versions };
}

/** A proxy may weaken an ETag (W/"…") without changing the bytes it names. */
function strongTag(etag: string | null): string | null {
  return etag?.replace(/^W\//, '') ?? null;
}

/**
 * The features' text of layers that came as the server's parts: each layer file's own bytes,
 * taken when the file is still the version the parts were computed from (same ETag). A file
 * that changed in between is prepared again from its new bytes, as a whole.
 */
export async function fetchFeatureTexts(pending: readonly PendingFeatureText[], signal: AbortSignal): Promise<Pick<LoadedLayers, 'layers' | 'versions'>> {
  const changed: LayerJob[] = [];
  const fetched = await Promise.all(pending.map(async ({ job, sourceTag, parts }) => {
    const response = await fetch(job.url, { signal });
    if (!response.ok) throw httpFailure(job.file, response);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const version = response.headers.get('ETag') ?? undefined;
    if (strongTag(version ?? null) === strongTag(sourceTag)) return [measuredLayerFromParts(job.definition, { ...parts, featureText: bytes })];
    changed.push({ definition: job.definition, file: job.file, url: job.url, bytes, bytesVersion: version });
    return [];
  }));
  const reloaded = changed.length === 0 ? { byId: new Map<string, MeasuredLayer>(), versions: {} } : await prepareLayers(changed, signal);
  return { layers: [...fetched.flat(), ...reloaded.byId.values()], versions: reloaded.versions };
}

/** The tour is optional: a missing file means no tour, a broken one is reported but never blocks the map. */
async function fetchTour(baseUrl: string, signal: AbortSignal): Promise<LoadedGeodata['tour']> {
  const response = await fetch(new URL('tour.json', baseUrl).href, { signal });
  // Our server answers 204 for a district without a tour (no console error); static hosting 404.
  if (response.status === 404 || response.status === 204) return { tour: null, problem: null };
  try {
    if (!response.ok) throw httpFailure('tour.json', response);
    return { tour: parseTour(await response.text()) };
  } catch (error) {
    return { tour: null, problem: error instanceof Error ? error.message : String(error) };
  }
}
