import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { TourScene } from '../../domain/tour/tour';
import { layerFeatureBounds, type Bounds } from '../../domain/measure/featureBounds';

/** Where a scene looks: its own camera, else around its highlighted features, else the whole district. */
export function sceneCameraTarget(
  scene: TourScene,
  layers: readonly MeasuredLayer[],
  districtBounds: Bounds,
): { center: [number, number]; zoom: number } | { bounds: Bounds } {
  if (scene.camera) return scene.camera;
  const boxes = (scene.highlight ?? []).flatMap((ref) => {
    const layer = layers.find((candidate) => candidate.definition.id === ref.layer);
    const box = layer ? layerFeatureBounds(layer, layer.indexOfId(ref.id)) : null;
    return box ? [box] : [];
  });
  if (boxes.length === 0) return { bounds: districtBounds };
  return {
    bounds: [
      Math.min(...boxes.map((box) => box[0])), Math.min(...boxes.map((box) => box[1])),
      Math.max(...boxes.map((box) => box[2])), Math.max(...boxes.map((box) => box[3])),
    ],
  };
}
