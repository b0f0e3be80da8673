/** The offline basemap's FeatureCollections, in lon/lat. */
import type { Feature } from 'geojson';
import type { BasemapRoad } from './basemapRoads';
import { at, type Poly } from './geometry';
import type { Label } from './labels';
import { LAKE_NAME } from './lake';
import { lineToLonLat, polyToLonLat, toLonLat } from './projection';
import type { World } from './world';

export const BASEMAP_DECIMALS = 6;

export type BasemapFiles = Record<'district' | 'streets' | 'water' | 'rivers' | 'hills' | 'roads' | 'labels', Feature[]>;

function polygonFeature(properties: Record<string, string | number>, polys: readonly Poly[]): Feature {
  const geometry =
    polys.length === 1
      ? { type: 'Polygon' as const, coordinates: polyToLonLat(at(polys, 0), BASEMAP_DECIMALS) }
      : { type: 'MultiPolygon' as const, coordinates: polys.map((p) => polyToLonLat(p, BASEMAP_DECIMALS)) };
  return { type: 'Feature', properties, geometry };
}

export function buildBasemap(world: World, roads: readonly BasemapRoad[], labels: readonly Label[]): BasemapFiles {
  const line = (points: Parameters<typeof lineToLonLat>[0]): Feature['geometry'] => ({ type: 'LineString', coordinates: lineToLonLat(points, BASEMAP_DECIMALS) });
  return {
    district: [polygonFeature({ name: '湖滨区', nameEn: 'Hubin District' }, [world.district.boundary])],
    streets: world.subDistricts.map((d) => polygonFeature({ id: d.id, name: d.name }, d.polys)),
    water: [
      polygonFeature({ name: LAKE_NAME, kind: 'lake' }, [world.lake.polygon]),
      ...world.rivers.map((r) => polygonFeature({ name: r.name, kind: 'river' }, [r.water])),
    ],
    rivers: world.rivers.map((r) => ({ type: 'Feature', properties: { name: r.name }, geometry: line(r.centerLine) })),
    hills: world.hills.flatMap((hill) => [
      polygonFeature({ name: hill.name, kind: 'hill', summitElevation: hill.summitElevationMeters }, [[hill.outline]]),
      ...hill.contours.map(
        (c): Feature => ({ type: 'Feature', properties: { kind: 'contour', elevation: c.elevationMeters }, geometry: line([...c.ring, at(c.ring, 0)]) }),
      ),
    ]),
    roads: roads.map((r) => ({ type: 'Feature', properties: { name: r.name, class: r.roadClass }, geometry: line(r.line) })),
    labels: labels.map((l) => ({
      type: 'Feature',
      properties: { name: l.name, kind: l.kind, rank: l.rank },
      geometry: { type: 'Point', coordinates: toLonLat(l.point, BASEMAP_DECIMALS) },
    })),
  };
}
