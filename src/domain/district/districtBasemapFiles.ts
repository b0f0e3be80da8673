import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { LocalizedText } from '../plan/manifest';
import { areaSquareMeters } from '../measure/areaSquareMeters';

export interface NamedArea {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** The GeoJSON basemap files the style reads (src/map/basemapStyle.ts); those a boundary cannot give stay empty. */
export const BASEMAP_FILE_NAMES = ['district', 'streets', 'labels', 'water', 'rivers', 'hills', 'roads'] as const;
export type BasemapFileName = (typeof BASEMAP_FILE_NAMES)[number];

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The parts of several boundaries as one geometry: a district drawn in pieces (islands, exclaves) is still one district. */
export function combinedBoundary(boundaries: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  const polygons = boundaries.flatMap(polygonsOf);
  const [only] = polygons;
  return polygons.length === 1 && only ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Labels go inside the largest part, where a reader looks for the name. */
function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const largest = polygonsOf(geometry).reduce((best, polygon) => {
    const area = areaSquareMeters({ type: 'Polygon', coordinates: polygon });
    return area > best.area ? { polygon, area } : best;
  }, { polygon: polygonsOf(geometry)[0] ?? [], area: -1 });
  return pointOnFeature({ type: 'Polygon', coordinates: largest.polygon }).geometry.coordinates;
}

const collection = <G extends Polygon | MultiPolygon | Point>(features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });

/**
 * The basemap of a new district, as geodata/basemap/ of the sample holds it: the outline with its
 * name, the sub-districts (the street menu and the map's dashed lines), a label for each, and
 * empty water, rivers, hills and roads, which only a survey can give (a PMTiles basemap draws them).
 */
export function districtBasemapFiles(name: LocalizedText, boundary: Polygon | MultiPolygon, subDistricts: readonly NamedArea[]): Map<BasemapFileName, FeatureCollection> {
  const files = new Map<BasemapFileName, FeatureCollection>();
  files.set('district', collection([{ type: 'Feature', properties: { name: name.zh, nameEn: name.en }, geometry: boundary }]));
  files.set('streets', collection(subDistricts.map((area, index) => ({
    type: 'Feature' as const,
    properties: { id: `JD-${String(index + 1).padStart(2, '0')}`, name: area.name },
    geometry: area.geometry,
  }))));
  const labels: Feature<Point>[] = [
    { type: 'Feature', properties: { name: name.zh, kind: 'district', rank: 1 }, geometry: { type: 'Point', coordinates: labelPoint(boundary) } },
    ...subDistricts.map((area, index) => ({
      type: 'Feature' as const,
      properties: { name: area.name, kind: 'street', rank: index + 1 },
      geometry: { type: 'Point' as const, coordinates: labelPoint(area.geometry) },
    })),
  ];
  files.set('labels', collection(labels));
  for (const empty of ['water', 'rivers', 'hills', 'roads'] as const) files.set(empty, collection([]));
  return files;
}
