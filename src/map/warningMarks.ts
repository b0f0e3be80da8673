import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { colorFromHex, type Rgba } from './colorFromHex';

/** A late project's place on the map (the centre of its bounds) and how late it is. */
export interface WarningMark {
  position: [longitude: number, latitude: number];
  kind: 'overdue' | 'dueSoon';
}

/** Red for overdue, amber for due soon: the warning colours of the panels (styles.css .warning-overdue/.warning-dueSoon). */
const RING_COLORS: Record<WarningMark['kind'], string> = { overdue: '#d7301f', dueSoon: '#e69500' };

function colorOf(mark: WarningMark, alpha255: number): Rgba {
  return colorFromHex(RING_COLORS[mark.kind], alpha255);
}

/**
 * Rings with a soft halo around late projects (监测预警), above the plan layers and never picked,
 * so a click still selects the project under its ring. Sized in pixels: a ring reads the same at
 * every zoom, on a laptop or (with `scale`) a wall.
 */
export function warningMarkLayers(marks: readonly WarningMark[], scale = 1): Layer[] {
  if (marks.length === 0) return [];
  const common = { data: marks, getPosition: (mark: WarningMark) => mark.position, radiusUnits: 'pixels' as const, pickable: false };
  return [
    new ScatterplotLayer<WarningMark>({
      ...common,
      id: 'warning-halos',
      filled: true,
      stroked: false,
      getRadius: 18 * scale,
      getFillColor: (mark) => colorOf(mark, 56),
    }),
    new ScatterplotLayer<WarningMark>({
      ...common,
      id: 'warning-rings',
      filled: false,
      stroked: true,
      getRadius: 13 * scale,
      lineWidthUnits: 'pixels',
      getLineWidth: 3 * scale,
      getLineColor: (mark) => colorOf(mark, 242),
    }),
  ];
}
