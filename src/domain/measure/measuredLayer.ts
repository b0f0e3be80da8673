import type { LayerDefinition } from '../plan/manifest';
import { normalizedPlanFeature } from '../plan/normalizedPlanFeature';
import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import { areaSquareMeters } from './areaSquareMeters';
import { lengthMeters } from './lengthMeters';
import { layerColumns, type LayerColumns } from '../columns/layerColumns';
import type { GeometryColumns } from '../columns/geometryColumns';

/**
 * A layer with every feature measured once; index i of every array belongs to feature i.
 * Panels and the map read the columns; `features` is for code that needs whole GeoJSON features
 * (editing, export) and may be materialized only when first read.
 */
export interface MeasuredLayer {
  definition: LayerDefinition;
  featureCount: number;
  /**
   * Whether the features themselves (properties, geometry as GeoJSON) are here. A layer prepared
   * by the server arrives without them: the map, panels, search and measures need only the
   * columns, and the file's text follows once the map is drawn.
   */
  featuresLoaded: boolean;
  /** Every feature; throws while `featuresLoaded` is false. */
  readonly features: PlanFeature[];
  /** Undefined for an index out of range, or while `featuresLoaded` is false. */
  featureAt(index: number): PlanFeature | undefined;
  idAt(index: number): string | undefined;
  nameAt(index: number): string;
  /** -1 when no feature has this id. */
  indexOfId(id: string): number;
  /** Ids and names of every feature, decoded once. */
  keys(): FeatureKeys;
  areaSquareMeters: Float64Array;
  lengthMeters: Float64Array;
  columns: LayerColumns;
  /** Flattened geometry for drawing, when the loader built it; the map builds it otherwise. */
  geometry?: GeometryColumns;
}

/** Ids and names of every feature, in feature order. */
export interface FeatureKeys {
  ids: string[];
  names: string[];
}

class IdIndex {
  private byId: Map<string, number> | null = null;
  constructor(private readonly keys: () => FeatureKeys) {}
  indexOf(id: string): number {
    if (!this.byId) {
      const byId = new Map<string, number>();
      // The first of duplicate ids wins, as a linear search would find it.
      this.keys().ids.forEach((featureId, index) => { if (!byId.has(featureId)) byId.set(featureId, index); });
      this.byId = byId;
    }
    return this.byId.get(id) ?? -1;
  }
}

/** A layer from features already in memory, with measures supplied (tests) or computed. */
export function measuredLayerOf(
  definition: LayerDefinition,
  features: PlanFeature[],
  measures: { areaSquareMeters: Float64Array; lengthMeters: Float64Array },
): MeasuredLayer {
  let keys: FeatureKeys | null = null;
  const keysOf = (): FeatureKeys => {
    keys ??= { ids: features.map((feature) => feature.id), names: features.map((feature) => String(feature.properties.name ?? '')) };
    return keys;
  };
  const index = new IdIndex(keysOf);
  return {
    definition,
    featureCount: features.length,
    featuresLoaded: true,
    features,
    featureAt: (featureIndex) => features[featureIndex],
    idAt: (featureIndex) => features[featureIndex]?.id,
    nameAt: (featureIndex) => String(features[featureIndex]?.properties.name ?? ''),
    indexOfId: (id) => index.indexOf(id),
    keys: keysOf,
    areaSquareMeters: measures.areaSquareMeters,
    lengthMeters: measures.lengthMeters,
    columns: layerColumns(definition, features),
  };
}

/** A layer with no projects: one missing from the data, or one the page reads from the server (a tiled layer). */
export function emptyMeasuredLayer(definition: LayerDefinition): MeasuredLayer {
  return measuredLayerOf(definition, [], { areaSquareMeters: new Float64Array(0), lengthMeters: new Float64Array(0) });
}

/** Every feature measured once on the ellipsoid, index-aligned with the features. */
export function measureFeatures(features: readonly PlanFeature[]): { areaSquareMeters: Float64Array; lengthMeters: Float64Array } {
  const areas = new Float64Array(features.length);
  const lengths = new Float64Array(features.length);
  features.forEach((feature, index) => {
    areas[index] = areaSquareMeters(feature.geometry);
    lengths[index] = lengthMeters(feature.geometry);
  });
  return { areaSquareMeters: areas, lengthMeters: lengths };
}

export function measureLayer(definition: LayerDefinition, collection: PlanFeatureCollection): MeasuredLayer {
  return measuredLayerOf(definition, collection.features, measureFeatures(collection.features));
}

/** What the load worker sends for a layer: columns and measures, features as JSON text decoded on demand. */
export interface LayerParts {
  featureCount: number;
  areaSquareMeters: Float64Array;
  lengthMeters: Float64Array;
  columns: LayerColumns;
  geometry: GeometryColumns;
  /** JSON of [ids, names]. */
  keysJson: string;
  /**
   * UTF-8 JSON in which feature i is the bytes from featureOffsets[2i] up to featureOffsets[2i + 1]
   * (a file's own bytes, or a re-encoded array); null until the layer file's bytes are fetched.
   */
  featureText: Uint8Array | null;
  featureOffsets: Uint32Array;
}

const decoder = new TextDecoder();

/**
 * A layer whose features stay UTF-8 JSON until asked for: the load costs the main thread
 * nothing per feature, and a details card decodes one feature.
 */
export function measuredLayerFromParts(definition: LayerDefinition, parts: LayerParts): MeasuredLayer {
  let keys: FeatureKeys | null = null;
  const keysOf = (): FeatureKeys => {
    if (!keys) {
      const [ids, names] = JSON.parse(parts.keysJson) as [string[], string[]];
      keys = { ids, names };
    }
    return keys;
  };
  let all: PlanFeature[] | null = null;
  const decoded = new Map<number, PlanFeature>();
  const index = new IdIndex(keysOf);
  const { featureText, featureOffsets } = parts;
  // Checked by the load worker: only the shape is restored (a file's own bytes keep every member).
  const decode = (text: Uint8Array, featureIndex: number): PlanFeature =>
    normalizedPlanFeature(JSON.parse(decoder.decode(text.subarray(featureOffsets[2 * featureIndex], featureOffsets[2 * featureIndex + 1]))) as PlanFeature);
  return {
    definition,
    featureCount: parts.featureCount,
    featuresLoaded: featureText !== null,
    get features(): PlanFeature[] {
      if (!featureText) throw new Error(`${definition.id}: the layer's features have not loaded yet`);
      if (!all) {
        all = new Array<PlanFeature>(parts.featureCount);
        for (let featureIndex = 0; featureIndex < parts.featureCount; featureIndex++) all[featureIndex] = decoded.get(featureIndex) ?? decode(featureText, featureIndex);
        decoded.clear();
      }
      return all;
    },
    featureAt(featureIndex) {
      if (all) return all[featureIndex];
      if (!featureText || !(featureIndex >= 0 && featureIndex < parts.featureCount)) return undefined;
      let feature = decoded.get(featureIndex);
      if (!feature) {
        feature = decode(featureText, featureIndex);
        decoded.set(featureIndex, feature);
      }
      return feature;
    },
    idAt: (featureIndex) => keysOf().ids[featureIndex],
    nameAt: (featureIndex) => keysOf().names[featureIndex] ?? '',
    indexOfId: (id) => index.indexOf(id),
    keys: keysOf,
    areaSquareMeters: parts.areaSquareMeters,
    lengthMeters: parts.lengthMeters,
    columns: parts.columns,
    geometry: parts.geometry,
  };
}
