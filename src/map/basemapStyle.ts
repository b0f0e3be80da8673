import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

export type BasemapId = 'offline' | 'osm' | 'tianditu';

export interface BasemapOptions {
  /** Where geodata/basemap/*.geojson is served, e.g. `/geodata/basemap`. */
  basemapUrl: string;
  /** Where the bundled Latin font lives, e.g. `/fonts`. */
  fontUrl: string;
  /** Label language: Chinese names are the data; English shows them too, since the basemap has no translations. */
  basemap: BasemapId;
  tiandituKey?: string;
}

/** The first symbol layer of every style: deck.gl layers are inserted below it so labels stay on top. */
export const FIRST_LABEL_LAYER_ID = 'label-water';

const LABEL_FONT = ['Noto Sans Regular'];

const paper = '#f4f2ed';
const water = '#a9d3ea';
const waterLabel = '#2f6f99';
const roadMajor = '#ffffff';
const roadCasing = '#d5d0c6';
const text = '#4a4f55';

function geojsonSource(basemapUrl: string, name: string) {
  return { type: 'geojson' as const, data: `${basemapUrl}/${name}.geojson` };
}

function byClass(...classes: string[]): ExpressionSpecification {
  return ['in', ['get', 'class'], ['literal', classes]];
}

function offlineLayers(): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': '#e9eef1' } },
    { id: 'district-land', type: 'fill', source: 'district', paint: { 'fill-color': paper } },
    { id: 'hills', type: 'fill', source: 'hills', filter: ['==', ['get', 'kind'], 'hill'], paint: { 'fill-color': '#e3e6d3' } },
    {
      id: 'contours', type: 'line', source: 'hills', filter: ['==', ['get', 'kind'], 'contour'],
      paint: { 'line-color': '#c9c8b0', 'line-width': 0.7 },
    },
    { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': water } },
    {
      id: 'rivers', type: 'line', source: 'rivers',
      paint: { 'line-color': water, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 15, 6] },
    },
    {
      id: 'roads-local', type: 'line', source: 'roads', filter: byClass('local'), minzoom: 12.5,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': roadMajor, 'line-width': ['interpolate', ['linear'], ['zoom'], 12.5, 0.6, 16, 5] },
    },
    {
      id: 'roads-major-casing', type: 'line', source: 'roads', filter: byClass('expressway', 'arterial', 'secondary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': roadCasing, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.6, 16, 14] },
    },
    {
      id: 'roads-major', type: 'line', source: 'roads', filter: byClass('expressway', 'arterial', 'secondary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'class'], 'expressway', '#fbe3b0', roadMajor],
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 16, 11],
      },
    },
    {
      id: 'streets-boundary', type: 'line', source: 'streets',
      paint: { 'line-color': '#8a8f99', 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': 0.7 },
    },
    {
      id: 'district-boundary', type: 'line', source: 'district',
      paint: { 'line-color': '#5b6170', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3.5] },
    },
  ];
}

function labelLayers(): LayerSpecification[] {
  const halo = { 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 };
  return [
    {
      id: FIRST_LABEL_LAYER_ID, type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'lake'],
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 20, 'text-letter-spacing': 0.6 },
      paint: { 'text-color': waterLabel, 'text-halo-color': 'rgba(255,255,255,0.6)', 'text-halo-width': 1 },
    },
    {
      id: 'label-roads', type: 'symbol', source: 'roads', filter: byClass('expressway', 'arterial'), minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 12 },
      paint: { 'text-color': '#6b6f76', ...halo },
    },
    {
      id: 'label-places', type: 'symbol', source: 'labels', filter: byClass('place', 'hill', 'poi'), minzoom: 12.5,
      layout: {
        'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'symbol-sort-key': ['get', 'rank'],
        'text-size': ['match', ['get', 'kind'], 'hill', 13, 12],
      },
      paint: { 'text-color': ['match', ['get', 'kind'], 'hill', '#6d7a4a', text], ...halo },
    },
    {
      id: 'label-streets', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'street'],
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 15, 'text-letter-spacing': 0.3 },
      paint: { 'text-color': '#3c4048', ...halo },
    },
    {
      id: 'label-district', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'district'], maxzoom: 12,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 22, 'text-letter-spacing': 0.5 },
      paint: { 'text-color': '#2b2f36', ...halo },
    },
  ];
}

function onlineRasterSource(options: BasemapOptions) {
  if (options.basemap === 'tianditu' && options.tiandituKey) {
    const key = encodeURIComponent(options.tiandituKey);
    return {
      type: 'raster' as const, tileSize: 256, maxzoom: 18,
      tiles: [0, 1, 2, 3].map((server) =>
        `https://t${server}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`),
      attribution: '© 天地图 Tianditu',
    };
  }
  return {
    type: 'raster' as const, tileSize: 256, maxzoom: 19,
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    attribution: '© OpenStreetMap contributors',
  };
}

/**
 * The map style. Offline is the default and needs no network: sources are the bundled GeoJSON,
 * and without `glyphs` MapLibre draws labels from local fonts (Latin pinned to the bundled WOFF2,
 * CJK through `localIdeographFontFamily`). Online basemaps are raster tiles under the same labels.
 */
export function basemapStyle(options: BasemapOptions): StyleSpecification {
  const online = options.basemap !== 'offline';
  const sources: StyleSpecification['sources'] = {};
  for (const name of ['district', 'streets', 'water', 'rivers', 'hills', 'roads', 'labels']) {
    sources[name] = geojsonSource(options.basemapUrl, name);
  }
  const baseLayers: LayerSpecification[] = online
    ? [
        { id: 'background', type: 'background', paint: { 'background-color': '#e9eef1' } },
        { id: 'online-raster', type: 'raster', source: 'online', paint: { 'raster-saturation': -0.35 } },
        {
          id: 'district-boundary', type: 'line', source: 'district',
          paint: { 'line-color': '#3d4350', 'line-width': 2.5 },
        },
      ]
    : offlineLayers();
  if (online) sources.online = onlineRasterSource(options);
  return {
    version: 8,
    name: 'plan-map',
    'font-faces': {
      'Noto Sans Regular': [{ url: `${options.fontUrl}/noto-sans-latin-400-normal.woff2`, 'unicode-range': ['U+0000-00FF'] }],
    },
    sources,
    layers: [...baseLayers, ...labelLayers()],
  };
}
