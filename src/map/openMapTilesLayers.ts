import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { VECTOR_LAYER_PREFIX } from './protomapsLayers';
import type { BasemapPalette } from './basemapPalettes';

const LABEL_FONT = ['Noto Sans Regular'];
/** OpenMapTiles names: the Chinese name where the tiles have one (name:zh), else the local name. */
const NAME: ExpressionSpecification = ['coalesce', ['get', 'name:zh'], ['get', 'name']];
const inClass = (...classes: string[]): ExpressionSpecification => ['in', ['get', 'class'], ['literal', classes]];
const id = (name: string) => `${VECTOR_LAYER_PREFIX}${name}`;
const width = (atTen: number, atSixteen: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 10, atTen, 16, atSixteen];

/**
 * A small style of our own for an OpenMapTiles-schema archive (openmaptiles.org/schema: water,
 * waterway, landcover, landuse, park, transportation, building, boundary, place,
 * transportation_name, water_name), in the app's palette. 'base' lies under the plan layers,
 * 'labels' above them.
 */
export function openMapTilesLayers(source: string, palette: BasemapPalette, part: 'base' | 'labels'): LayerSpecification[] {
  const halo = { 'text-halo-color': palette.halo, 'text-halo-width': 1.4 };
  if (part === 'labels') {
    return [
      {
        id: id('water-name'), type: 'symbol', source, 'source-layer': 'water_name',
        layout: { 'text-field': NAME, 'text-font': LABEL_FONT, 'text-size': 14 },
        paint: { 'text-color': palette.waterLabel, ...halo },
      },
      {
        id: id('road-name'), type: 'symbol', source, 'source-layer': 'transportation_name', minzoom: 13,
        filter: inClass('motorway', 'trunk', 'primary', 'secondary', 'tertiary'),
        layout: { 'symbol-placement': 'line', 'text-field': NAME, 'text-font': LABEL_FONT, 'text-size': 12 },
        paint: { 'text-color': palette.text, ...halo },
      },
      {
        id: id('place'), type: 'symbol', source, 'source-layer': 'place',
        filter: inClass('city', 'town', 'village', 'suburb', 'quarter', 'neighbourhood'),
        layout: { 'text-field': NAME, 'text-font': LABEL_FONT, 'text-size': ['match', ['get', 'class'], ['city', 'town'], 16, 12] },
        paint: { 'text-color': palette.textStrong, ...halo },
      },
    ];
  }
  return [
    { id: id('background'), type: 'background', paint: { 'background-color': palette.paper } },
    { id: id('landcover'), type: 'fill', source, 'source-layer': 'landcover', filter: inClass('wood', 'grass', 'farmland'), paint: { 'fill-color': palette.hill, 'fill-opacity': 0.7 } },
    { id: id('park'), type: 'fill', source, 'source-layer': 'park', paint: { 'fill-color': palette.hill, 'fill-opacity': 0.6 } },
    { id: id('water'), type: 'fill', source, 'source-layer': 'water', paint: { 'fill-color': palette.water } },
    { id: id('waterway'), type: 'line', source, 'source-layer': 'waterway', paint: { 'line-color': palette.water, 'line-width': width(1, 5) } },
    { id: id('building'), type: 'fill', source, 'source-layer': 'building', minzoom: 14, paint: { 'fill-color': palette.roadCasing, 'fill-opacity': 0.5 } },
    {
      id: id('road-minor'), type: 'line', source, 'source-layer': 'transportation', minzoom: 12, filter: inClass('minor', 'service', 'tertiary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': palette.road, 'line-width': width(0.5, 5) },
    },
    {
      id: id('road-major-casing'), type: 'line', source, 'source-layer': 'transportation', filter: inClass('motorway', 'trunk', 'primary', 'secondary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': palette.roadCasing, 'line-width': width(1.6, 14) },
    },
    {
      id: id('road-major'), type: 'line', source, 'source-layer': 'transportation', filter: inClass('primary', 'secondary'),
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': palette.road, 'line-width': width(0.8, 11) },
    },
    {
      id: id('road-motorway'), type: 'line', source, 'source-layer': 'transportation', filter: inClass('motorway', 'trunk'),
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': palette.expressway, 'line-width': width(0.8, 11) },
    },
    { id: id('boundary'), type: 'line', source, 'source-layer': 'boundary', filter: ['<=', ['get', 'admin_level'], 6], paint: { 'line-color': palette.boundary, 'line-width': 1, 'line-dasharray': [4, 2] } },
  ];
}
