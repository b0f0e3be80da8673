import { INK, type ImageBox, type MapImageCanvas } from './mapImageCanvas';

/** A north arrow at the map's top right (the map never rotates); returns its box. */
export function drawNorthArrow(image: MapImageCanvas, label: string): ImageBox {
  const { context, unit, font } = image;
  const x = image.map.left + image.map.width - 40 * unit;
  const y = image.map.top + 44 * unit;
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.beginPath();
  context.arc(x, y, 24 * unit, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = INK;
  context.beginPath();
  context.moveTo(x, y - 16 * unit);
  context.lineTo(x + 8 * unit, y + 10 * unit);
  context.lineTo(x, y + 5 * unit);
  context.lineTo(x - 8 * unit, y + 10 * unit);
  context.closePath();
  context.fill();
  context.font = font(700, 12);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  // Dark on a white halo: legible on the light and the dark basemap alike.
  context.strokeStyle = 'rgba(255,255,255,0.9)';
  context.lineWidth = 4 * unit;
  context.lineJoin = 'round';
  context.strokeText(label, x, y + 36 * unit);
  context.fillStyle = INK;
  context.fillText(label, x, y + 36 * unit);
  context.textAlign = 'start';
  return { left: x - 24 * unit, top: y - 24 * unit, width: 48 * unit, height: 72 * unit };
}
