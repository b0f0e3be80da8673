import type { LayerDefinition } from './manifest';
import type { PlanFeature, PlanFeatureCollection } from './planFeature';
import { areaSquareMeters } from './areaSquareMeters';
import { lengthMeters } from './lengthMeters';

/** A layer with every feature measured once; index i of each array belongs to features[i]. */
export interface MeasuredLayer {
  definition: LayerDefinition;
  features: PlanFeature[];
  areaSquareMeters: Float64Array;
  lengthMeters: Float64Array;
}

export function measureLayer(definition: LayerDefinition, collection: PlanFeatureCollection): MeasuredLayer {
  const features = collection.features;
  const areas = new Float64Array(features.length);
  const lengths = new Float64Array(features.length);
  features.forEach((feature, index) => {
    areas[index] = areaSquareMeters(feature.geometry);
    lengths[index] = lengthMeters(feature.geometry);
  });
  return { definition, features, areaSquareMeters: areas, lengthMeters: lengths };
}
