import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { layerDrawing, type LayerDrawing } from './layerDrawing';

/**
 * What one map's plan layers have handed to deck.gl so far: each layer's GPU-ready geometry,
 * whether its full detail has been drawn and the update triggers each deck layer last had. It
 * belongs to the map that draws (PlanMapController, the print map), because that state describes
 * one deck.gl instance: two maps sharing it would each skip work only the other has done.
 */
export class PlanDrawingState {
  /**
   * Keyed by the layer's geometry when it has one: the same layer with its features arrived later
   * (useGeodata) is a new object with the same geometry, and keeps its GPU data.
   */
  private readonly drawings = new WeakMap<object, LayerDrawing>();

  drawingOf(layer: MeasuredLayer): LayerDrawing {
    const key = layer.geometry ?? layer;
    let drawing = this.drawings.get(key);
    if (!drawing) {
      drawing = layerDrawing(layer);
      this.drawings.set(key, drawing);
    }
    return drawing;
  }
}
