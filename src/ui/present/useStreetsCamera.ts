import { useEffect, useRef, type RefObject } from 'react';
import type { Bounds } from '../../domain/measure/featureBounds';
import type { PlanMapController } from '../../map/PlanMapController';
import { mapFreePadding, mercatorAspect } from './mapFreePadding';

/**
 * When a bar of the sub-district ranking is clicked, the map shows the chosen sub-districts whole
 * (the whole district once none is chosen), beside the panels. Null: a tour scene leads the camera.
 */
export function useStreetsCamera(streets: readonly string[] | null, districtBounds: Bounds, controllerRef: RefObject<PlanMapController | null>): void {
  const shown = useRef<string | null>(null);
  const key = streets === null ? null : streets.join('\u0000');
  useEffect(() => {
    const controller = controllerRef.current;
    const first = shown.current === null;
    if (key === null || !controller) return;
    if (!first && shown.current === key) return;
    shown.current = key;
    // On arrival the map opens on the district or on the link's camera: nothing to fly to.
    if (first) return;
    const chosen = key === '' ? [] : key.split('\u0000');
    void controller.streetsBounds(chosen).then((bounds) => {
      const target = bounds ?? districtBounds;
      controller.flyToView({ bounds: target }, mapFreePadding(controller.map.getContainer(), mercatorAspect(target)));
    });
  }, [key, districtBounds, controllerRef]);
}
