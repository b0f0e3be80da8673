import type { Locale, Manifest } from '../domain/manifest';
import type { PlanMapController } from '../map/PlanMapController';
import { composeMapImage, type LegendGroup } from './composeMapImage';
import { translate } from './messages';
import type { ViewState } from './viewState';

const EXPORT_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The legend of what is on the map: visible layers, and only the statuses the filters let through. */
export function legendOf(manifest: Manifest, view: ViewState, locale: Locale): LegendGroup[] {
  return manifest.layers
    .filter((layer) => !view.hiddenLayerIds.includes(layer.id))
    .map((layer) => {
      const chosen = view.statusFilters[layer.id] ?? [];
      return {
        title: layer.name[locale],
        entries: layer.statuses
          .filter((status) => chosen.length === 0 || chosen.includes(status.id))
          .map((status) => ({ label: status.label[locale], color: status.color, lines: layer.geometry === 'line' })),
      };
    });
}

/** Draws the current view with title, legend, date, scale and north arrow, and downloads it as a PNG. */
export function exportMapImage(controller: PlanMapController, manifest: Manifest, view: ViewState, asOfDate: string): void {
  const locale = view.locale;
  const snapshot = controller.snapshot();
  const district = manifest.district.name[locale];
  const canvas = composeMapImage(snapshot.canvas, {
    title: `${district} · ${translate(locale, 'appTitle')}`,
    subtitle: `${translate(locale, 'asOf')} ${asOfDate}${view.streets.length > 0 ? ` · ${view.streets.join('、')}` : ''}`,
    legend: legendOf(manifest, view, locale),
    latitude: snapshot.latitude,
    zoom: snapshot.zoom,
    pixelRatio: snapshot.pixelRatio,
    northLabel: locale === 'zh' ? '北' : 'N',
    fontFamily: EXPORT_FONT,
  });
  canvas.toBlob((blob) => {
    if (!blob) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${district}-${translate(locale, 'appTitle')}-${asOfDate}.png`;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }, 'image/png');
}
