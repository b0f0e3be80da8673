/**
 * The baseline: what most developers would write. One GeoJSON source per layer, loaded by URL,
 * fill and line layers (a circle layer for points) coloured by status with a `match` expression,
 * filters by `setFilter`.
 * Same basemap style (captured from the app), same map size, same legend markup as the app,
 * so the harness drives both pages the same way. Served as is by scripts/bench/baselineServer.ts.
 *
 * `?tiles=<layer>` draws only that layer, from the app server's vector tiles (tileMaxZoom: the
 * zoom they are made up to; outlineFrom: the zoom the outline starts at, as in the app, so both
 * draw the same picture). `?map=zoom/lat/lon` opens there instead of on the district.
 */
import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type FilterSpecification, type SourceSpecification, type StyleSpecification } from 'maplibre-gl';

interface ManifestLayer {
  id: string;
  geometry: 'polygon' | 'line' | 'point';
  statuses: { id: string; color: string }[];
}

interface Manifest {
  district: { bounds: [number, number, number, number] };
  layers: ManifestLayer[];
}

/** The app's first label layer: plan layers go below it, as in the app. */
const FIRST_LABEL_LAYER_ID = 'label-water';
const FIRST_FULL_RENDER_MARK = 'plan-map:first-full-render';
const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

setWorkerUrl(new URL('/vendor/maplibre-gl-worker.mjs', location.href).href);

const params = new URLSearchParams(location.search);
const hidden = new Set((params.get('hide') ?? '').split(',').filter((id) => id.length > 0));
const chosen = new Map<string, string[]>();
const tiledLayerId = params.get('tiles');
const outlineFrom = Number(params.get('outlineFrom') ?? 0);

function camera(): { center: [number, number]; zoom: number } | null {
  const [zoom, latitude, longitude] = (params.get('map') ?? '').split('/').map(Number);
  if (zoom === undefined || latitude === undefined || longitude === undefined || ![zoom, latitude, longitude].every(Number.isFinite)) return null;
  return { center: [longitude, latitude], zoom };
}

function colorMatch(layer: ManifestLayer): ExpressionSpecification {
  const pairs = layer.statuses.flatMap((status) => [status.id, status.color]);
  return ['match', ['get', 'status'], ...pairs, '#888888'] as unknown as ExpressionSpecification;
}

function statusFilter(layerId: string): FilterSpecification | null {
  const statuses = chosen.get(layerId) ?? [];
  return statuses.length > 0 ? ['in', ['get', 'status'], ['literal', statuses]] : null;
}

const sourceId = (layer: ManifestLayer): string => `plan-${layer.id}`;

function planSource(layer: ManifestLayer): SourceSpecification {
  if (layer.id !== tiledLayerId) return { type: 'geojson', data: new URL(`/geodata/${layer.id}.geojson`, location.href).href };
  const tiles = new URL(`/api/layers/${encodeURIComponent(layer.id)}/tiles/`, location.href).href;
  return { type: 'vector', tiles: [`${tiles}{z}/{x}/{y}`], maxzoom: Number(params.get('tileMaxZoom') ?? 16) };
}

function addPlanLayer(map: MapLibreMap, layer: ManifestLayer): void {
  // Prefixed: the basemap style has its own `roads` source.
  map.addSource(sourceId(layer), planSource(layer));
  // A vector tile holds the layer under its id.
  const sourceLayer = layer.id === tiledLayerId ? { 'source-layer': layer.id } : {};
  if (layer.geometry === 'polygon') {
    map.addLayer({ id: `${layer.id}-fill`, type: 'fill', source: sourceId(layer), ...sourceLayer, paint: { 'fill-color': colorMatch(layer), 'fill-opacity': 0.75 } }, FIRST_LABEL_LAYER_ID);
    map.addLayer({ id: `${layer.id}-line`, type: 'line', source: sourceId(layer), ...sourceLayer, minzoom: outlineFrom, paint: { 'line-color': colorMatch(layer), 'line-width': 1 } }, FIRST_LABEL_LAYER_ID);
  } else if (layer.geometry === 'point') {
    // As the app draws points: 5 px discs with a white ring.
    map.addLayer({
      id: `${layer.id}-circle`, type: 'circle', source: sourceId(layer),
      paint: { 'circle-color': colorMatch(layer), 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    }, FIRST_LABEL_LAYER_ID);
  } else {
    map.addLayer({
      id: `${layer.id}-line`, type: 'line', source: sourceId(layer),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': colorMatch(layer), 'line-width': 3 },
    }, FIRST_LABEL_LAYER_ID);
  }
}

function toggleStatus(map: MapLibreMap, layer: ManifestLayer, statusId: string, button: HTMLButtonElement): void {
  const current = chosen.get(layer.id) ?? [];
  const next = current.includes(statusId) ? current.filter((id) => id !== statusId) : [...current, statusId];
  chosen.set(layer.id, next);
  button.classList.toggle('is-chosen', next.includes(statusId));
  for (const suffix of ['fill', 'line', 'circle']) {
    if (map.getLayer(`${layer.id}-${suffix}`)) map.setFilter(`${layer.id}-${suffix}`, statusFilter(layer.id));
  }
}

function renderLegend(map: MapLibreMap, manifest: Manifest): void {
  const panel = document.getElementById('panel');
  for (const layer of manifest.layers) {
    const card = document.createElement('section');
    card.className = 'layer-card';
    card.dataset.layerId = layer.id;
    for (const status of layer.statuses) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'legend-row';
      button.dataset.statusId = status.id;
      button.textContent = `${layer.id}: ${status.id}`;
      button.addEventListener('click', () => toggleStatus(map, layer, status.id, button));
      card.append(button);
    }
    panel?.append(card);
  }
}

async function main(): Promise<void> {
  const [manifest, style] = await Promise.all([
    fetch('/geodata/layers.json').then((response) => response.json() as Promise<Manifest>),
    fetch('/baseline/style.json').then((response) => response.json() as Promise<StyleSpecification>),
  ]);
  const container = document.getElementById('map');
  if (!container) throw new Error('no #map');
  // The same map size as the app's map area, so both draw the same number of pixels.
  container.style.width = `${params.get('w') ?? '900'}px`;
  container.style.height = `${params.get('h') ?? '700'}px`;
  const opening = camera();
  const map = new MapLibreMap({
    container,
    style,
    ...(opening ?? { bounds: manifest.district.bounds, fitBoundsOptions: { padding: 24 } }),
    localIdeographFontFamily: CJK_FONT_FAMILY,
    canvasContextAttributes: { antialias: true, preserveDrawingBuffer: true },
  });
  Object.assign(window, { planMap: map });
  renderLegend(map, manifest);
  const shown = params.has('empty') ? [] : manifest.layers.filter((layer) => !hidden.has(layer.id) && (tiledLayerId === null || layer.id === tiledLayerId));
  map.once('load', () => {
    for (const layer of shown) addPlanLayer(map, layer);
    // Every source loaded and a frame drawn with all of it: the app's first-full-render mark.
    const onIdle = () => {
      if (!shown.every((layer) => map.isSourceLoaded(sourceId(layer)))) {
        map.once('idle', onIdle);
        return;
      }
      performance.mark(FIRST_FULL_RENDER_MARK);
      container.dataset.firstFullRender = 'true';
    };
    map.once('idle', onIdle);
  });
}

main().catch((error: unknown) => console.error(error));
