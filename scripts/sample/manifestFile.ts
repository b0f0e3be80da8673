/**
 * geodata/layers.json: only the district's view (centre, zoom, bounds) and the targets' values
 * change; everything else, key order included, is written back as it was read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Manifest } from '../../src/domain/plan/manifest';
import { boxOf, type Point } from './geometry';
import { toLonLat } from './projection';

export function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

export function writeManifest(path: string, manifest: Manifest): void {
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A viewport this size (CSS pixels) should show the whole district at the initial zoom. */
const VIEWPORT_PX: Point = [1100, 760];
const BOUNDS_PADDING_DEGREES = 0.01;

export function fitDistrictView(manifest: Manifest, boundary: readonly Point[], land: readonly Point[]): void {
  const toDegrees = (points: readonly Point[]) => boxOf(points.map((p): Point => {
    const [lon = 0, lat = 0] = toLonLat(p, 7);
    return [lon, lat];
  }));
  const whole = toDegrees(boundary);
  const dry = toDegrees(land);
  const floor3 = (x: number): number => Math.floor(x * 1000) / 1000;
  const ceil3 = (x: number): number => Math.ceil(x * 1000) / 1000;
  manifest.district.bounds = [
    floor3(whole.minX - BOUNDS_PADDING_DEGREES),
    floor3(whole.minY - BOUNDS_PADDING_DEGREES),
    ceil3(whole.maxX + BOUNDS_PADDING_DEGREES),
    ceil3(whole.maxY + BOUNDS_PADDING_DEGREES),
  ];
  const centerLat = (dry.minY + dry.maxY) / 2;
  manifest.district.center = [Math.round(((dry.minX + dry.maxX) / 2) * 1e4) / 1e4, Math.round(centerLat * 1e4) / 1e4];
  // Web Mercator: 256 px span 360° of longitude at zoom 0; a degree of latitude is 1/cos(lat) longer.
  const zoomX = Math.log2((VIEWPORT_PX[0] * 360) / (256 * (dry.maxX - dry.minX)));
  const zoomY = Math.log2((VIEWPORT_PX[1] * 360 * Math.cos((centerLat * Math.PI) / 180)) / (256 * (dry.maxY - dry.minY)));
  manifest.district.zoom = Math.floor(Math.min(zoomX, zoomY) * 2) / 2;
}
