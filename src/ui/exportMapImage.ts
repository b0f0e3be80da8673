import { formatCount } from '../domain/format/formatMeasure';
import type { Manifest } from '../domain/plan/manifest';
import { printScaleDenominator } from '../domain/measure/mapScale';
import { paperPixels, PRINT_DOTS_PER_INCH, type ImageSize, type PaperSize } from '../domain/print/paperPixels';
import { printMapFrame } from '../domain/print/printMapFrame';
import { CJK_FONT_FAMILY } from '../map/cjkFontFamily';
import type { PlanMapController } from '../map/PlanMapController';
import { renderPrintMap } from '../map/renderPrintMap';
import { composeMapImage, titleBandPixels } from './composeMapImage';
import { downloadBlob } from './downloadBlob';
import { fillMessage } from './fillMessage';
import { mapImageLegend } from './mapImageLegend';
import { translate, type MessageKey } from './messages';
import type { ViewState } from './viewState';

/** CSS defines 96 pixels to the inch: on paper a layout unit is 1/96 inch, so the 24-unit title prints at 18 pt. */
const CSS_PIXELS_PER_INCH = 96;

export const PAPER_MESSAGE: Record<PaperSize, MessageKey> = {
  'a4-landscape': 'paperA4Landscape',
  'a4-portrait': 'paperA4Portrait',
  'a3-landscape': 'paperA3Landscape',
  'a3-portrait': 'paperA3Portrait',
};

export interface MapImageExport {
  fileName: string;
  width: number;
  height: number;
  /** The resolution the map itself got on paper: below the print's when the GPU could not draw that many pixels. */
  mapDotsPerInch?: number;
}

/** The pixels of the image `size` gives: the screen's map plus the title band, or the sheet. */
export function exportedImagePixels(controller: PlanMapController, size: ImageSize): { width: number; height: number } {
  if (size !== 'screen') return paperPixels(size);
  const { canvas, pixelRatio } = controller.snapshot().picture;
  return { width: canvas.width, height: canvas.height + titleBandPixels(pixelRatio) };
}

function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/**
 * Downloads what the map shows as a PNG with a title, the date (both dates of a swipe comparison),
 * a legend of exactly what is drawn, a scale bar and a north arrow: at the screen's size, or on
 * a sheet of paper at 300 dpi (the map drawn again at print resolution, same centre and scale).
 */
export async function exportMapImage(controller: PlanMapController, manifest: Manifest, view: ViewState, asOfDate: string, size: ImageSize = 'screen'): Promise<MapImageExport> {
  const locale = view.locale;
  const text = (key: MessageKey, values: Record<string, string | number> = {}) => fillMessage(translate(locale, key), values);
  const { picture: onScreen, drawing } = controller.snapshot();
  const paper = size === 'screen' ? undefined : paperPixels(size);
  const unit = paper ? PRINT_DOTS_PER_INCH / CSS_PIXELS_PER_INCH : onScreen.pixelRatio;
  let picture = onScreen;
  if (paper) {
    if (!drawing) throw new Error(translate(locale, 'loadingLayers'));
    picture = await renderPrintMap(drawing, printMapFrame(drawing, { width: paper.width, height: paper.height - titleBandPixels(unit) }));
  }
  const compareDate = drawing?.deckState.compareAsOfDate;
  const compared = compareDate !== undefined && picture.split !== undefined;
  const district = manifest.district.name[locale];
  const streets = view.streets.length > 0 ? ` · ${view.streets.join('、')}` : '';
  const { canvas, mapScale } = composeMapImage(picture, {
    title: `${district} · ${translate(locale, 'appTitle')}`,
    subtitle: `${compared ? text('imageCompared', { left: compareDate, right: asOfDate }) : `${translate(locale, 'asOf')} ${asOfDate}`}${streets}`,
    legend: drawing ? mapImageLegend(drawing, picture, locale) : [],
    northLabel: locale === 'zh' ? '北' : 'N',
    fontFamily: CJK_FONT_FAMILY,
    unit,
    ...(paper ? {
      size: paper,
      note: (metersPerImagePixel: number) => text('printScale', { denominator: formatCount(printScaleDenominator(metersPerImagePixel, PRINT_DOTS_PER_INCH), locale), dpi: PRINT_DOTS_PER_INCH }),
    } : {}),
    ...(compared ? { compare: { left: compareDate, right: asOfDate } } : {}),
  });
  const dates = compared ? `${compareDate}-${asOfDate}` : asOfDate;
  // "A4横向", "A4-landscape".
  const sheet = size === 'screen' ? '' : `-${translate(locale, PAPER_MESSAGE[size]).replaceAll(' ', locale === 'zh' ? '' : '-')}`;
  const fileName = `${district}-${translate(locale, 'appTitle')}-${dates}${sheet}.png`;
  downloadBlob(await pngOf(canvas), fileName);
  return { fileName, width: canvas.width, height: canvas.height, ...(paper ? { mapDotsPerInch: Math.round(PRINT_DOTS_PER_INCH / mapScale) } : {}) };
}
