import { INK, PANEL, type ImageBox, type MapImageCanvas } from './mapImageCanvas';

export interface LegendGroup {
  title: string;
  /** `shape`: how the layer draws, so the swatch looks like the map (a bar, a band or a dot). */
  entries: { label: string; color: string; shape: 'polygon' | 'line' | 'point' }[];
}

const ROW_UNITS = 20;
const PADDING_UNITS = 10;
const SWATCH_UNITS = 16;
const MIN_WIDTH_UNITS = 150;

/** The legend in a box at the map's top left, as wide as its longest line; returns the box. */
export function drawLegendBox(image: MapImageCanvas, legend: readonly LegendGroup[]): ImageBox | null {
  if (legend.length === 0) return null;
  const { context, unit, font } = image;
  const entryIndent = (SWATCH_UNITS + 2 * PADDING_UNITS) * unit;
  let textWidth = MIN_WIDTH_UNITS * unit;
  for (const group of legend) {
    context.font = font(700, 13);
    textWidth = Math.max(textWidth, context.measureText(group.title).width + PADDING_UNITS * unit);
    context.font = font(400, 12);
    for (const entry of group.entries) textWidth = Math.max(textWidth, context.measureText(entry.label).width + entryIndent);
  }
  const rows = legend.reduce((count, group) => count + 1 + group.entries.length, 0);
  const box: ImageBox = { left: image.map.left + 16 * unit, top: image.map.top + 16 * unit, width: textWidth + PADDING_UNITS * unit, height: rows * ROW_UNITS * unit + 16 * unit };
  context.fillStyle = PANEL;
  context.fillRect(box.left, box.top, box.width, box.height);
  context.textBaseline = 'middle';
  let y = box.top + 8 * unit + (ROW_UNITS * unit) / 2;
  for (const group of legend) {
    context.fillStyle = INK;
    context.font = font(700, 13);
    context.fillText(group.title, box.left + PADDING_UNITS * unit, y);
    y += ROW_UNITS * unit;
    for (const entry of group.entries) {
      context.fillStyle = entry.color;
      const swatchLeft = box.left + 12 * unit;
      if (entry.shape === 'line') context.fillRect(swatchLeft, y - 2 * unit, SWATCH_UNITS * unit, 4 * unit);
      else if (entry.shape === 'point') {
        context.beginPath();
        context.arc(swatchLeft + (SWATCH_UNITS / 2) * unit, y, 5 * unit, 0, 2 * Math.PI);
        context.fill();
      } else context.fillRect(swatchLeft, y - 6 * unit, SWATCH_UNITS * unit, 12 * unit);
      context.fillStyle = INK;
      context.font = font(400, 12);
      context.fillText(entry.label, box.left + entryIndent, y);
      y += ROW_UNITS * unit;
    }
  }
  return box;
}
