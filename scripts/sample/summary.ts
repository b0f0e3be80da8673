/** The generator's report: what was written and how big it is. */
import { statSync } from 'node:fs';
import { area, length } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Manifest } from '../../src/domain/plan/manifest';
import type { SampleFeature } from './planLayers';

export function summarize(manifest: Manifest, layers: ReadonlyMap<string, SampleFeature[]>, basemap: Record<string, Feature[]>, written: readonly string[]): string {
  const lines: string[] = ['layer                 features  measure        statuses'];
  for (const [id, features] of layers) {
    const polygons = features.filter((f) => f.geometry?.type === 'Polygon');
    const points = features.filter((f) => f.geometry?.type === 'Point');
    const measure =
      polygons.length > 0
        ? `${(polygons.reduce((sum, f) => sum + area(f as Feature), 0) / 10000).toFixed(1)} ha`
        : points.length > 0
          ? `${points.length} points`
          : `${features.reduce((sum, f) => sum + length(f as Feature), 0).toFixed(2)} km`;
    const statuses = new Map<string, number>();
    for (const f of features) statuses.set(f.properties.status, (statuses.get(f.properties.status) ?? 0) + 1);
    lines.push(`${id.padEnd(22)}${String(features.length).padStart(8)}  ${measure.padEnd(14)} ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  }
  for (const [name, features] of Object.entries(basemap)) lines.push(`basemap/${name.padEnd(14)}${String(features.length).padStart(8)}`);
  lines.push('', 'targets:');
  for (const layer of manifest.layers) for (const t of layer.targets) lines.push(`  ${t.id.padEnd(24)} ${t.metric.padEnd(10)} ${t.target}`);
  const d = manifest.district;
  lines.push('', `district: center ${d.center.join(', ')}, zoom ${d.zoom}, bounds ${d.bounds.join(', ')}`, '', 'files:');
  for (const path of written) lines.push(`  ${path}  ${(statSync(path).size / 1024).toFixed(0)} KiB`);
  return lines.join('\n');
}
