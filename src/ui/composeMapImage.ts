import { metersPerPixel } from '../domain/measure/mapScale';
import { coverPlacement } from '../domain/print/coverPlacement';
import type { MapPicture } from '../map/mapPicture';
import { drawCompareSplit } from './drawCompareSplit';
import { drawLegendBox, type LegendGroup } from './drawLegendBox';
import { drawNorthArrow } from './drawNorthArrow';
import { drawScaleBar } from './drawScaleBar';
import type { MapImageCanvas } from './mapImageCanvas';

export type { LegendGroup };

export interface MapImageContent {
  title: string;
  /** Date and other context, e.g. "截至 2026-11-26 · 湖滨区". */
  subtitle: string;
  legend: LegendGroup[];
  northLabel: string;
  fontFamily: string;
  /** Image pixels per layout unit: the map's pixel ratio for the screen, dpi / 96 on paper. */
  unit: number;
  /** Paper: the image's size, the map filling it under the title band; absent: the map's own size plus the band. */
  size?: { width: number; height: number };
  /** The dates of the two sides of a swipe comparison, west and east of the divider. */
  compare?: { left: string; right: string };
  /** Text at the right of the title line, from the ground metres an image pixel covers (the print scale). */
  note?: (metersPerImagePixel: number) => string;
}

export interface ComposedMapImage {
  canvas: HTMLCanvasElement;
  /** Image pixels per map pixel: 1 when the map was drawn with every pixel the image has, more when the GPU allowed fewer. */
  mapScale: number;
}

const TITLE_BAND_UNITS = 64;

/** The height of the title band above the map, in image pixels. */
export function titleBandPixels(unit: number): number {
  return Math.round(TITLE_BAND_UNITS * unit);
}

/**
 * A report-ready PNG of the map: a title band, the map (cropped to the image, centred), and over
 * it a legend, a swipe comparison's divider and dates, a scale bar, a north arrow and the
 * basemap's credits. Everything is drawn with canvas text, so no data is ever parsed as HTML.
 */
export function composeMapImage(picture: MapPicture, content: MapImageContent): ComposedMapImage {
  const { unit } = content;
  const header = titleBandPixels(unit);
  const canvas = document.createElement('canvas');
  canvas.width = content.size?.width ?? picture.canvas.width;
  canvas.height = content.size?.height ?? picture.canvas.height + header;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  const image: MapImageCanvas = {
    context,
    width: canvas.width,
    height: canvas.height,
    map: { left: 0, top: header, width: canvas.width, height: canvas.height - header },
    unit,
    font: (weight, size) => `${weight} ${Math.round(size * unit)}px ${content.fontFamily}`,
  };
  const placement = coverPlacement(picture.canvas, image.map);
  context.drawImage(picture.canvas, placement.sourceX, placement.sourceY, placement.sourceWidth, placement.sourceHeight, 0, header, image.map.width, image.map.height);
  const metersPerImagePixel = metersPerPixel(picture.latitude, picture.zoom) / picture.pixelRatio / placement.scale;

  drawTitleBand(image, content, content.note?.(metersPerImagePixel));
  const legendBox = drawLegendBox(image, content.legend);
  const northBox = drawNorthArrow(image, content.northLabel);
  if (picture.split && content.compare) drawCompareSplit(image, (picture.split.x - placement.sourceX) * placement.scale, content.compare, [legendBox, northBox]);
  drawScaleBar(image, metersPerImagePixel);
  drawCredits(image, picture.attributions);
  return { canvas, mapScale: placement.scale };
}

function drawTitleBand(image: MapImageCanvas, content: MapImageContent, note: string | undefined): void {
  const { context, unit, font, map } = image;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, map.top);
  context.textBaseline = 'middle';
  context.fillStyle = '#13263f';
  context.font = font(700, 24);
  context.fillText(content.title, 20 * unit, map.top * 0.38);
  context.fillStyle = '#566072';
  context.font = font(400, 14);
  context.fillText(content.subtitle, 20 * unit, map.top * 0.76);
  if (!note) return;
  // On the title's line: the subtitle's line may be long (sub-districts, two dates).
  context.textAlign = 'right';
  context.fillText(note, image.width - 20 * unit, map.top * 0.38);
  context.textAlign = 'start';
}

/** The basemap's credits, small, at the map's bottom left. */
function drawCredits(image: MapImageCanvas, attributions: readonly string[]): void {
  if (attributions.length === 0) return;
  const { context, unit, font, map } = image;
  const text = attributions.join(' · ');
  context.font = font(400, 10);
  const width = context.measureText(text).width + 8 * unit;
  context.fillStyle = 'rgba(255,255,255,0.8)';
  context.fillRect(map.left, map.top + map.height - 16 * unit, width, 16 * unit);
  context.fillStyle = '#3b4556';
  context.textBaseline = 'middle';
  context.fillText(text, map.left + 4 * unit, map.top + map.height - 8 * unit);
}
