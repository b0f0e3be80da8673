import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { protomapsLayers } from './protomapsLayers';
import { openMapTilesLayers } from './openMapTilesLayers';
import { PALETTES, type BasemapPalette } from './basemapPalettes';
import { controlLineLayers, type ControlLineDrawing } from './controlLineLayers';

export { DARK_PAPER, LIGHT_PAPER } from './basemapPalettes';

export type BasemapId = 'offline' | 'osm' | 'tianditu';

export interface BasemapOptions {
  /** Where geodata/basemap/*.geojson is served, e.g. `/geodata/basemap`. */
  basemapUrl: string;
  /** Where the bundled Latin font lives, e.g. `/fonts`. */
  fontUrl: string;
  /** Offline (bundled GeoJSON) or an online raster basemap under the same labels. */
  basemap: BasemapId;
  tiandituKey?: string;
  /** Dark for presentation screens read from across a room. */
  theme?: 'light' | 'dark';
  /** Multiplies label sizes, so labels on a 4K wall grow with the panels around them. */
  labelScale?: number;
  /**
   * The district's own vector basemap (layers.json `basemap`): drawn instead of the GeoJSON
   * basemap when `basemap` is 'offline'. `url` is the archive's absolute address, read in byte
   * ranges through the pmtiles protocol (src/map/pmtilesProtocol.ts).
   */
  vectorTiles?: { url: string; schema: 'protomaps' | 'openmaptiles' };
  /** Control lines (layers.json `controlLines`), drawn over the basemap and under the plan layers. */
  controlLines?: ControlLineDrawing[];
}

/** The style's source for the vector basemap archive. */
export const VECTOR_SOURCE_ID = 'vector-basemap';

/** The first symbol layer of every style: deck.gl layers are inserted below it so labels stay on top. */
export const FIRST_LABEL_LAYER_ID = 'label-water';

export const LABEL_FONT = ['Noto Sans Regular'];
/** Ids of the GeoJSON basemap's layers that a vector basemap's own labels replace. */
const LABELS_A_VECTOR_BASEMAP_HAS = new Set(['label-roads', 'label-hills', 'label-places']);

function geojsonSource(basemapUrl: string, name: string) {
  return { type: 'geojson' as const, data: `${basemapUrl}/${name}.geojson` };
}

function byClass(...classes: string[]): ExpressionSpecification {
  return ['in', ['get', 'class'], ['literal', classes]];
}

function offlineLayers(palette: BasemapPalette): LayerSpecification[] {
  const { paper, water } = palette;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
    { id: 'district-land', type: 'fill', source: 'district', paint: { 'fill-color': paper, 'fill-antialias': false } },
    { id: 'hills', type: 'fill', source: 'hills', filter: ['==', ['get', 'kind'], 'hill'], paint: { 'fill-color': palette.hill, 'fill-antialias': false } },
    {
      id: 'contours', type: 'line', source: 'hills', filter: ['==', ['get', 'kind'], 'contour'],
      paint: { 'line-color': palette.contour, 'line-width': 0.7 },
    },
    { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': water, 'fill-antialias': false } },
    {
      id: 'rivers', type: 'line', source: 'rivers',
      paint: { 'line-color': water, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 15, 6] },
    },
    {
      id: 'roads-local', type: 'line', source: 'roads', filter: byClass('local'), minzoom: 12.5,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': palette.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 12.5, 0.6, 16, 5] },
    },
    {
      id: 'roads-major-casing', type: 'line', source: 'roads', filter: byClass('expressway', 'arterial', 'secondary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': palette.roadCasing, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.6, 16, 14] },
    },
    {
      id: 'roads-major', type: 'line', source: 'roads', filter: byClass('arterial', 'secondary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': palette.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 16, 11] },
    },
    {
      id: 'roads-expressway', type: 'line', source: 'roads', filter: byClass('expressway'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': palette.expressway, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 16, 11] },
    },
    {
      id: 'streets-boundary', type: 'line', source: 'streets',
      paint: { 'line-color': palette.streetBoundary, 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': 0.7 },
    },
    {
      id: 'district-boundary', type: 'line', source: 'district',
      paint: { 'line-color': palette.boundary, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3.5] },
    },
  ];
}

/** The outline of the sub-districts the view is narrowed to; PlanMapController sets its filter. */
export const CHOSEN_STREETS_LAYER_ID = 'streets-chosen';

/** Matches the areas named in `names`; with none, matches nothing. */
export function chosenStreetsFilter(names: readonly string[]): ExpressionSpecification {
  return ['in', ['get', 'name'], ['literal', [...names]]];
}

function labelLayers(palette: BasemapPalette, scale: number): LayerSpecification[] {
  const halo = { 'text-halo-color': palette.halo, 'text-halo-width': 1.4 };
  return [
    {
      id: FIRST_LABEL_LAYER_ID, type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'lake'],
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 20 * scale, 'text-letter-spacing': 0.6 },
      paint: { 'text-color': palette.waterLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1 },
    },
    // Above the plan layers (deck.gl draws just before the first label layer), below the labels.
    {
      id: CHOSEN_STREETS_LAYER_ID, type: 'line', source: 'streets', filter: chosenStreetsFilter([]),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': palette.chosenStreet, 'line-width': 3.5 * scale },
    },
    {
      id: 'label-roads', type: 'symbol', source: 'roads', filter: byClass('expressway', 'arterial'), minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 12 * scale },
      paint: { 'text-color': palette.text, ...halo },
    },
    {
      id: 'label-hills', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'hill'], minzoom: 12.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'symbol-sort-key': ['get', 'rank'], 'text-size': 13 * scale },
      paint: { 'text-color': palette.hillText, ...halo },
    },
    {
      id: 'label-places', type: 'symbol', source: 'labels', filter: ['in', ['get', 'kind'], ['literal', ['place', 'poi']]], minzoom: 12.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'symbol-sort-key': ['get', 'rank'], 'text-size': 12 * scale },
      paint: { 'text-color': palette.text, ...halo },
    },
    {
      id: 'label-streets', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'street'],
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 15 * scale, 'text-letter-spacing': 0.3 },
      paint: { 'text-color': palette.textStrong, ...halo },
    },
    {
      id: 'label-district', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'district'], maxzoom: 12,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 22 * scale, 'text-letter-spacing': 0.5 },
      paint: { 'text-color': palette.textStrong, ...halo },
    },
  ];
}

/** The vector archive's layers under the outlines of the district and its sub-districts (the labels come later). */
function vectorBaseLayers(vectorTiles: NonNullable<BasemapOptions['vectorTiles']>, palette: BasemapPalette, theme: 'light' | 'dark'): LayerSpecification[] {
  const base = vectorTiles.schema === 'protomaps' ? protomapsLayers(VECTOR_SOURCE_ID, theme, 'base') : openMapTilesLayers(VECTOR_SOURCE_ID, palette, 'base');
  const outlines = offlineLayers(palette).filter((layer) => layer.id === 'streets-boundary' || layer.id === 'district-boundary');
  return [...base, ...outlines];
}

function vectorLabelLayers(vectorTiles: NonNullable<BasemapOptions['vectorTiles']>, palette: BasemapPalette, theme: 'light' | 'dark'): LayerSpecification[] {
  return vectorTiles.schema === 'protomaps' ? protomapsLayers(VECTOR_SOURCE_ID, theme, 'labels') : openMapTilesLayers(VECTOR_SOURCE_ID, palette, 'labels');
}

/** The label layers up to the chosen sub-districts' outline, and the rest. */
function splitAfterChosenStreets(layers: LayerSpecification[]): [LayerSpecification[], LayerSpecification[]] {
  const cut = layers.findIndex((layer) => layer.id === CHOSEN_STREETS_LAYER_ID) + 1;
  return [layers.slice(0, cut), layers.slice(cut)];
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
  const theme = options.theme ?? 'light';
  const palette = PALETTES[theme];
  const vectorTiles = online ? undefined : options.vectorTiles;
  const sources: StyleSpecification['sources'] = {};
  for (const name of ['district', 'streets', 'water', 'rivers', 'hills', 'roads', 'labels']) {
    sources[name] = geojsonSource(options.basemapUrl, name);
  }
  const baseLayers: LayerSpecification[] = online
    ? [
        { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
        { id: 'online-raster', type: 'raster', source: 'online', paint: { 'raster-saturation': -0.35 } },
        {
          id: 'district-boundary', type: 'line', source: 'district',
          paint: { 'line-color': palette.boundary, 'line-width': 2.5 },
        },
      ]
    : vectorTiles ? vectorBaseLayers(vectorTiles, palette, theme) : offlineLayers(palette);
  if (online) sources.online = onlineRasterSource(options);
  if (vectorTiles) sources[VECTOR_SOURCE_ID] = { type: 'vector', url: `pmtiles://${vectorTiles.url}` };
  const [firstLabels, ownLabels] = splitAfterChosenStreets(labelLayers(palette, options.labelScale ?? 1));
  // The vector basemap's labels go above the plan layers and the chosen outline, below the district's own names.
  const labels = vectorTiles
    ? [...firstLabels, ...vectorLabelLayers(vectorTiles, palette, theme), ...ownLabels.filter((layer) => !LABELS_A_VECTOR_BASEMAP_HAS.has(layer.id))]
    : [...firstLabels, ...ownLabels];
  const control = controlLineLayers(options.controlLines ?? []);
  return {
    version: 8,
    name: 'plan-map',
    'font-faces': {
      'Noto Sans Regular': [{ url: `${options.fontUrl}/noto-sans-latin-400-normal.woff2`, 'unicode-range': ['U+0000-00FF'] }],
      // The other faces @protomaps/basemaps names; the bundled weights stand in for them.
      'Noto Sans Medium': [{ url: `${options.fontUrl}/noto-sans-latin-600-normal.woff2`, 'unicode-range': ['U+0000-00FF'] }],
      'Noto Sans Italic': [{ url: `${options.fontUrl}/noto-sans-latin-400-normal.woff2`, 'unicode-range': ['U+0000-00FF'] }],
    },
    sources: { ...sources, ...control.sources },
    layers: [...baseLayers, ...control.layers, ...labels],
  };
}
