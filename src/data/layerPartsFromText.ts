import type { LayerDefinition } from '../domain/plan/manifest';
import type { PlanFeature } from '../domain/plan/planFeature';
import { measureFeatures, type LayerParts } from '../domain/measure/measuredLayer';
import { layerColumns } from '../domain/columns/layerColumns';
import { geometryColumns } from '../domain/columns/geometryColumns';
import { parseLayer } from './parseGeodata';

const encoder = new TextEncoder();

/** UTF-8 JSON of the features as one array, with where each feature's text starts and ends (two entries per feature). */
function featureText(features: readonly PlanFeature[]): { featureText: Uint8Array; featureOffsets: Uint32Array } {
  let bytes = new Uint8Array(1 << 16);
  let length = 0;
  const offsets = new Uint32Array(features.length * 2);
  const write = (text: string) => {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const needed = length + text.length * 3;
    if (needed > bytes.length) {
      const grown = new Uint8Array(Math.max(needed, bytes.length * 2));
      grown.set(bytes.subarray(0, length));
      bytes = grown;
    }
    length += encoder.encodeInto(text, bytes.subarray(length)).written;
  };
  write('[');
  features.forEach((feature, index) => {
    if (index > 0) write(',');
    offsets[2 * index] = length;
    write(JSON.stringify(feature));
    offsets[2 * index + 1] = length;
  });
  write(']');
  return { featureText: bytes.slice(0, length), featureOffsets: offsets };
}

/** The ids and names of the features, as MeasuredLayer.keys reads them. */
export function keysJsonOf(features: readonly PlanFeature[]): string {
  return JSON.stringify([features.map((feature) => feature.id), features.map((feature) => String(feature.properties.name ?? ''))]);
}

/**
 * Everything the app needs of one layer file, computed where it costs the page nothing (the load
 * worker): parsed and checked, measured once, columns for the panels, flattened and triangulated
 * geometry for the GPU, and the features as UTF-8 JSON for whoever needs them whole.
 */
export function layerPartsFromText(definition: LayerDefinition, text: string, file: string): LayerParts {
  const { features } = parseLayer(text, file);
  return {
    featureCount: features.length,
    ...measureFeatures(features),
    columns: layerColumns(definition, features),
    geometry: geometryColumns(features, definition.geometry),
    keysJson: keysJsonOf(features),
    ...featureText(features),
  };
}

/** The buffers of a layer's parts, to transfer instead of copy. */
export function transferablesOf(parts: LayerParts): ArrayBuffer[] {
  const { columns, geometry } = parts;
  const views: ArrayBufferView[] = [
    parts.areaSquareMeters, parts.lengthMeters, ...(parts.featureText ? [parts.featureText] : []), parts.featureOffsets,
    columns.currentStatus, columns.historyStart, columns.historyDay, columns.historyStatus, columns.streetCode, columns.widthMeters,
    ...Object.values(columns.whereMatches), ...Object.values(columns.propertyNumbers),
    columns.planDates.start, columns.planDates.dueDayNumber, columns.planDates.status, columns.planDates.unitInChargeCode,
    geometry.positions, geometry.partStart, geometry.partFeature, geometry.ringStart, geometry.triangles,
    ...(geometry.overview ? [geometry.overview.positions, geometry.overview.partStart, geometry.overview.ringStart, geometry.overview.triangles] : []),
  ];
  return [...new Set(views.map((view) => view.buffer as ArrayBuffer))];
}
