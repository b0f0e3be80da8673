import { roundScaleLengthMeters } from '../domain/measure/mapScale';
import { INK, type MapImageCanvas } from './mapImageCanvas';

const MAX_LENGTH_UNITS = 160;

/** A scale bar at the map's bottom right: the longest round length up to 160 layout units. */
export function drawScaleBar(image: MapImageCanvas, metersPerImagePixel: number): void {
  const { context, unit, font } = image;
  const meters = roundScaleLengthMeters(metersPerImagePixel * MAX_LENGTH_UNITS * unit);
  const length = meters / metersPerImagePixel;
  const right = image.map.left + image.map.width - 20 * unit;
  const base = image.map.top + image.map.height - 20 * unit;
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.fillRect(right - length - 10 * unit, base - 30 * unit, length + 20 * unit, 40 * unit);
  context.fillStyle = INK;
  context.fillRect(right - length, base - 4 * unit, length, 4 * unit);
  context.fillRect(right - length, base - 10 * unit, 2 * unit, 10 * unit);
  context.fillRect(right - 2 * unit, base - 10 * unit, 2 * unit, 10 * unit);
  context.font = font(600, 12);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(meters >= 1000 ? `${meters / 1000} km` : `${meters} m`, right - length / 2, base - 18 * unit);
  context.textAlign = 'start';
}
