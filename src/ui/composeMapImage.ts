import { metersPerPixel, roundScaleLengthMeters } from '../domain/mapScale';

export interface LegendGroup {
  title: string;
  entries: { label: string; color: string; lines: boolean }[];
}

export interface MapImageContent {
  title: string;
  /** Date and other context, e.g. "截至 2026-11-26 · 湖滨区". */
  subtitle: string;
  legend: LegendGroup[];
  latitude: number;
  zoom: number;
  /** Canvas pixels per CSS pixel of the map. */
  pixelRatio: number;
  northLabel: string;
  fontFamily: string;
}

const HEADER_CSS_PIXELS = 64;

/**
 * A report-ready PNG of the map: a title band, the map as drawn, and over it a legend, a scale bar
 * and a north arrow. Everything is drawn with canvas text, so no data is ever parsed as HTML.
 */
export function composeMapImage(mapCanvas: HTMLCanvasElement, content: MapImageContent): HTMLCanvasElement {
  const ratio = content.pixelRatio;
  const header = Math.round(HEADER_CSS_PIXELS * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = mapCanvas.width;
  canvas.height = mapCanvas.height + header;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  const font = (weight: number, size: number) => `${weight} ${Math.round(size * ratio)}px ${content.fontFamily}`;

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, header);
  context.fillStyle = '#13263f';
  context.font = font(700, 24);
  context.textBaseline = 'middle';
  context.fillText(content.title, 20 * ratio, header * 0.38);
  context.fillStyle = '#566072';
  context.font = font(400, 14);
  context.fillText(content.subtitle, 20 * ratio, header * 0.76);
  context.drawImage(mapCanvas, 0, header);

  drawLegend(context, content, header, font);
  drawScaleBar(context, content, canvas.width, canvas.height, font);
  drawNorthArrow(context, content, canvas.width, header, font);
  return canvas;
}

type FontOf = (weight: number, size: number) => string;

function drawLegend(context: CanvasRenderingContext2D, content: MapImageContent, top: number, font: FontOf): void {
  const ratio = content.pixelRatio;
  const row = 20 * ratio;
  const rows = content.legend.reduce((count, group) => count + 1 + group.entries.length, 0);
  const width = 190 * ratio;
  const height = rows * row + 16 * ratio;
  const left = 16 * ratio;
  const boxTop = top + 16 * ratio;
  context.fillStyle = 'rgba(255,255,255,0.92)';
  context.fillRect(left, boxTop, width, height);
  let y = boxTop + 8 * ratio + row / 2;
  for (const group of content.legend) {
    context.fillStyle = '#1d2430';
    context.font = font(700, 13);
    context.fillText(group.title, left + 10 * ratio, y);
    y += row;
    for (const entry of group.entries) {
      context.fillStyle = entry.color;
      if (entry.lines) context.fillRect(left + 12 * ratio, y - 2 * ratio, 16 * ratio, 4 * ratio);
      else context.fillRect(left + 12 * ratio, y - 6 * ratio, 16 * ratio, 12 * ratio);
      context.fillStyle = '#1d2430';
      context.font = font(400, 12);
      context.fillText(entry.label, left + 36 * ratio, y);
      y += row;
    }
  }
}

function drawScaleBar(context: CanvasRenderingContext2D, content: MapImageContent, width: number, height: number, font: FontOf): void {
  const ratio = content.pixelRatio;
  const metersPerCanvasPixel = metersPerPixel(content.latitude, content.zoom) / ratio;
  const meters = roundScaleLengthMeters(metersPerCanvasPixel * 160 * ratio);
  const length = meters / metersPerCanvasPixel;
  const right = width - 20 * ratio;
  const base = height - 20 * ratio;
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.fillRect(right - length - 10 * ratio, base - 30 * ratio, length + 20 * ratio, 40 * ratio);
  context.fillStyle = '#1d2430';
  context.fillRect(right - length, base - 4 * ratio, length, 4 * ratio);
  context.fillRect(right - length, base - 10 * ratio, 2 * ratio, 10 * ratio);
  context.fillRect(right - 2 * ratio, base - 10 * ratio, 2 * ratio, 10 * ratio);
  context.font = font(600, 12);
  context.textAlign = 'center';
  context.fillText(meters >= 1000 ? `${meters / 1000} km` : `${meters} m`, right - length / 2, base - 18 * ratio);
  context.textAlign = 'start';
}

function drawNorthArrow(context: CanvasRenderingContext2D, content: MapImageContent, width: number, top: number, font: FontOf): void {
  const ratio = content.pixelRatio;
  const x = width - 40 * ratio;
  const y = top + 44 * ratio;
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.beginPath();
  context.arc(x, y, 24 * ratio, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = '#1d2430';
  context.beginPath();
  context.moveTo(x, y - 16 * ratio);
  context.lineTo(x + 8 * ratio, y + 10 * ratio);
  context.lineTo(x, y + 5 * ratio);
  context.lineTo(x - 8 * ratio, y + 10 * ratio);
  context.closePath();
  context.fill();
  context.font = font(700, 12);
  context.textAlign = 'center';
  context.fillStyle = '#ffffff';
  context.fillText(content.northLabel, x, y + 36 * ratio);
  context.textAlign = 'start';
}
