import { boxesOverlap, INK, PANEL, type ImageBox, type MapImageCanvas } from './mapImageCanvas';

const GAP_UNITS = 8;

/**
 * A swipe comparison as the screen shows it: the divider at `splitX` (image pixels) and each
 * side's date on its side of it, below the legend or north arrow when they would cover them.
 */
export function drawCompareSplit(image: MapImageCanvas, splitX: number, labels: { left: string; right: string }, taken: readonly (ImageBox | null)[]): void {
  const { context, unit, font, map } = image;
  context.fillStyle = '#ffffff';
  context.fillRect(splitX - 2 * unit, map.top, 4 * unit, map.height);
  context.fillStyle = 'rgba(19,38,63,0.5)';
  context.fillRect(splitX - 3 * unit, map.top, unit, map.height);
  context.fillRect(splitX + 2 * unit, map.top, unit, map.height);
  context.font = font(600, 14);
  context.textBaseline = 'middle';
  const height = 26 * unit;
  const boxOf = (text: string, side: 'left' | 'right', top: number): ImageBox => {
    const width = context.measureText(text).width + 20 * unit;
    return { left: side === 'left' ? splitX - GAP_UNITS * unit - width : splitX + GAP_UNITS * unit, top, width, height };
  };
  for (const side of ['left', 'right'] as const) {
    const text = labels[side];
    let box = boxOf(text, side, map.top + 16 * unit);
    for (const other of taken) if (other && boxesOverlap(box, other)) box = boxOf(text, side, Math.max(box.top, other.top + other.height + GAP_UNITS * unit));
    context.fillStyle = PANEL;
    context.fillRect(box.left, box.top, box.width, box.height);
    context.fillStyle = INK;
    context.fillText(text, box.left + 10 * unit, box.top + height / 2);
  }
}
