import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import type { GeometryKind } from '../domain/plan/manifest';
import type { PlanGeometry } from '../domain/plan/planFeature';
import type { LonLat } from '../domain/edits/localPlane';
import { sketchGeometry } from '../domain/edits/drawingSketch';
import type { Rgba } from './colorFromHex';

/** What the editing overlay shows above the plan: a sketch, a feature's vertex handles, a drag and the snap target. */
export interface EditOverlayState {
  sketch?: {
    kind: GeometryKind;
    points: readonly LonLat[];
    /** Where the next point would go (the pointer, snapped). */
    pointer?: LonLat;
    /** The last finish was refused: the sketch is drawn in the warning colour. */
    refused: boolean;
  };
  handles?: readonly LonLat[];
  /** The hovered or dragged handle. */
  activeHandle?: LonLat;
  /** A shape under a vertex drag (valid: releasing would be accepted), or a finished sketch awaiting its attributes. */
  shape?: { geometry: PlanGeometry | null; valid: boolean };
  snap?: { position: LonLat; kind: 'vertex' | 'edge' };
}

const ACCENT: Rgba = [31, 95, 168, 255];
const WARNING: Rgba = [179, 38, 30, 255];
const SNAP: Rgba = [214, 0, 128, 255];
const WHITE: Rgba = [255, 255, 255, 255];

interface Marker {
  position: LonLat;
  radiusPixels: number;
  fill: Rgba;
  line: Rgba;
}

function shapes(state: EditOverlayState): Feature<Geometry, { valid: boolean }>[] {
  const features: Feature<Geometry, { valid: boolean }>[] = [];
  const { sketch, shape } = state;
  if (sketch) {
    const points = sketch.pointer ? [...sketch.points, sketch.pointer] : sketch.points;
    if (points.length >= 2) features.push({ type: 'Feature', properties: { valid: !sketch.refused }, geometry: sketchGeometry(sketch.kind, points) });
  }
  if (shape?.geometry) features.push({ type: 'Feature', properties: { valid: shape.valid }, geometry: shape.geometry });
  return features;
}

function markers(state: EditOverlayState): Marker[] {
  const color = state.sketch?.refused || state.shape?.valid === false ? WARNING : ACCENT;
  const result: Marker[] = (state.handles ?? []).map((position) => ({ position, radiusPixels: 5, fill: WHITE, line: color }));
  // The first point is larger: a click on it closes the polygon.
  state.sketch?.points.forEach((position, index) => result.push({ position, radiusPixels: index === 0 ? 6 : 4, fill: WHITE, line: color }));
  if (state.activeHandle) result.push({ position: state.activeHandle, radiusPixels: 6, fill: color, line: WHITE });
  return result;
}

/**
 * The deck.gl layers of the editing overlay, appended by PlanMapController after the plan layers
 * (no beforeId: above the labels, where handles stay clickable). While editing, the same three
 * layer ids are always returned, empty or not, so MapLibre's layer list does not churn per move.
 */
export function editOverlayLayers(state: EditOverlayState | null): Layer[] {
  if (!state) return [];
  const snap = state.snap;
  return [
    new GeoJsonLayer<{ valid: boolean }>({
      id: 'edit-shape',
      data: shapes(state),
      filled: true,
      stroked: true,
      getFillColor: (feature) => (feature.properties.valid ? [31, 95, 168, 50] : [179, 38, 30, 50]),
      getLineColor: (feature) => (feature.properties.valid ? ACCENT : WARNING),
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      lineJointRounded: true,
      // A point being placed or moved: a disc larger than the plan's points.
      pointType: 'circle',
      pointRadiusUnits: 'pixels',
      getPointRadius: 8,
    }),
    new ScatterplotLayer<Marker>({
      id: 'edit-points',
      data: markers(state),
      getPosition: (marker) => [marker.position[0], marker.position[1]],
      radiusUnits: 'pixels',
      getRadius: (marker) => marker.radiusPixels,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getFillColor: (marker) => marker.fill,
      getLineColor: (marker) => marker.line,
    }),
    new ScatterplotLayer<NonNullable<EditOverlayState['snap']>>({
      id: 'edit-snap',
      data: snap ? [snap] : [],
      getPosition: (target) => [target.position[0], target.position[1]],
      radiusUnits: 'pixels',
      // A ring around a snapped vertex, a dot on a snapped edge.
      getRadius: (target) => (target.kind === 'vertex' ? 9 : 5),
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getFillColor: (target) => (target.kind === 'vertex' ? [0, 0, 0, 0] : SNAP),
      getLineColor: SNAP,
    }),
  ];
}
