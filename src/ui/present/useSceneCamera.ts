import { useEffect, useRef, type RefObject } from 'react';
import type { Bounds } from '../../domain/measure/featureBounds';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { TourScene } from '../../domain/tour/tour';
import type { PlanMapController } from '../../map/PlanMapController';
import { mapFreePadding, mercatorAspect } from './mapFreePadding';
import { sceneCameraTarget } from './sceneCameraTarget';

/** A scene that names a centre and zoom was composed on a 16:9 screen. */
const SCREEN_ASPECT = { width: 16, height: 9 };

/**
 * Flies to each scene as it is shown, into the part of the map no panel covers (measured on
 * screen, after the scene's caption card has been laid out).
 */
export function useSceneCamera(
  scene: TourScene | undefined,
  layers: readonly MeasuredLayer[],
  districtBounds: Bounds,
  controllerRef: RefObject<PlanMapController | null>,
): void {
  // Layers are replaced when their text arrives: the same scene and target must not fly again.
  const flown = useRef<{ scene: TourScene; target: string } | null>(null);
  useEffect(() => {
    const controller = controllerRef.current;
    if (!scene || !controller) return;
    const target = sceneCameraTarget(scene, layers, districtBounds);
    const targetKey = JSON.stringify(target);
    if (flown.current?.scene === scene && flown.current.target === targetKey) return;
    flown.current = { scene, target: targetKey };
    const aspect = 'bounds' in target ? mercatorAspect(target.bounds) : SCREEN_ASPECT;
    controller.flyToView(target, mapFreePadding(controller.map.getContainer(), aspect));
  }, [scene, layers, districtBounds, controllerRef]);
}
