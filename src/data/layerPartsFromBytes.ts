import type { LayerDefinition } from '../domain/plan/manifest';
import type { PlanFeature } from '../domain/plan/planFeature';
import type { LayerParts } from '../domain/measure/measuredLayer';
import { areaSquareMeters } from '../domain/measure/areaSquareMeters';
import { lengthMeters } from '../domain/measure/lengthMeters';
import { layerColumns } from '../domain/columns/layerColumns';
import { GeometryColumnsBuilder } from '../domain/columns/geometryColumns';
import { FieldReader } from './fieldReader';
import { readFeature } from './parseGeodata';
import { featureSpans } from './featureSpans';
import { keysJsonOf, layerPartsFromText } from './layerPartsFromText';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * layerPartsFromText straight from the file's bytes, one feature at a time: each feature is
 * parsed, checked, measured and flattened, then its coordinates are dropped (a whole-file parse
 * keeps every coordinate pair alive at once, and the garbage collector copies them all, twice),
 * and the file's own bytes become the features' text (no re-encoding). Anything the span scan
 * does not expect, and every problem in a feature, goes through the whole-file parse, which names it.
 */
export function layerPartsFromBytes(definition: LayerDefinition, bytes: Uint8Array, file: string): LayerParts {
  const spans = featureSpans(bytes);
  const whole = () => layerPartsFromText(definition, new TextDecoder().decode(bytes), file);
  if (!spans) return whole();
  try {
    const featureCount = spans.length / 2;
    const read = new FieldReader(file);
    const areas = new Float64Array(featureCount);
    const lengths = new Float64Array(featureCount);
    const geometry = new GeometryColumnsBuilder(definition.geometry);
    const withoutGeometry: PlanFeature[] = new Array<PlanFeature>(featureCount);
    for (let index = 0; index < featureCount; index++) {
      const feature = readFeature(read, JSON.parse(decoder.decode(bytes.subarray(spans[2 * index], spans[2 * index + 1]))), index);
      areas[index] = areaSquareMeters(feature.geometry);
      lengths[index] = lengthMeters(feature.geometry);
      geometry.add(feature, index);
      withoutGeometry[index] = { ...feature, geometry: null };
    }
    return {
      featureCount,
      areaSquareMeters: areas,
      lengthMeters: lengths,
      columns: layerColumns(definition, withoutGeometry),
      geometry: geometry.finish(),
      keysJson: keysJsonOf(withoutGeometry),
      featureText: bytes,
      featureOffsets: spans,
    };
  } catch {
    return whole();
  }
}
