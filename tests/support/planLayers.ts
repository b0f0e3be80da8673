/** Plan layers for tests: the fixture geodata directory, and small hand-made layers with chosen measures. */
import { join } from 'node:path';
import type { LayerDefinition, Manifest } from '../../src/domain/plan/manifest';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { measureLayer, measuredLayerOf, type MeasuredLayer } from '../../src/domain/measure/measuredLayer';
import { readGeodataDirectory } from '../../src/data/readGeodataDirectory';

export const MINI_GEODATA_DIR = join(import.meta.dirname, '..', 'fixtures', 'geodata-mini');

export async function loadMiniGeodata(): Promise<{ manifest: Manifest; layers: MeasuredLayer[] }> {
  const { manifest, layers } = await readGeodataDirectory(MINI_GEODATA_DIR);
  return { manifest, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
}

export const LIFECYCLE_LAYER: LayerDefinition = {
  id: 'test-layer',
  name: { zh: '测试图层', en: 'Test layer' },
  geometry: 'polygon',
  color: '#123456',
  unit: 'ha',
  statuses: [
    { id: 'pending', label: { zh: '待启动', en: 'Not started' }, color: '#eeeeee' },
    { id: 'working', label: { zh: '实施中', en: 'In progress' }, color: '#888888' },
    { id: 'done', label: { zh: '已完成', en: 'Done' }, color: '#111111' },
  ],
  doneStatuses: ['done'],
  targets: [],
};

export interface HandFeature {
  status: string;
  areaSquareMeters?: number;
  lengthMeters?: number;
  street?: string;
  history?: { date: string; status: string }[];
  [attribute: string]: unknown;
}

/** A measured layer whose features carry the given measures (their geometry is left null). */
export function handMadeLayer(features: HandFeature[], definition: LayerDefinition = LIFECYCLE_LAYER): MeasuredLayer {
  const planFeatures = features.map(({ status, areaSquareMeters: _area, lengthMeters: _length, history, ...rest }, index): PlanFeature => ({
    type: 'Feature',
    id: `f-${index}`,
    geometry: null,
    properties: { name: `Feature ${index}`, status, history: history ?? [{ date: '2024-01-01', status }], ...rest },
  }));
  return measuredLayerOf(definition, planFeatures, {
    areaSquareMeters: Float64Array.from(features, (feature) => feature.areaSquareMeters ?? 0),
    lengthMeters: Float64Array.from(features, (feature) => feature.lengthMeters ?? 0),
  });
}
