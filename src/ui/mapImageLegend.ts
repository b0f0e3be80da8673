import type { Bounds } from '../domain/measure/featureBounds';
import type { Locale } from '../domain/plan/manifest';
import { featuresReaching } from '../domain/print/featuresReaching';
import { shownStatusIds, type ShownSide } from '../domain/print/shownStatusIds';
import type { MapDrawing, MapPicture } from '../map/mapPicture';
import type { LegendGroup } from './composeMapImage';
import { translate } from './messages';

/**
 * The legend of what a picture of the map shows: the layers drawn and, of each, only the statuses
 * its drawn projects have (after the filters, on the day of each side of a swipe comparison,
 * within the picture's extent), in lifecycle order. Layers with nothing drawn are left out.
 */
export function mapImageLegend(drawing: MapDrawing, picture: MapPicture, locale: Locale): LegendGroup[] {
  const state = drawing.deckState;
  const [west, south, east, north] = picture.bounds;
  const split = picture.split?.longitude;
  const sides: { asOfDate: string; bounds: Bounds }[] = split === undefined || state.compareAsOfDate === undefined
    ? [{ asOfDate: state.asOfDate, bounds: picture.bounds }]
    : [{ asOfDate: state.compareAsOfDate, bounds: [west, south, split, north] }, { asOfDate: state.asOfDate, bounds: [split, south, east, north] }];
  const definitions = state.definitions ?? state.layers.map((layer) => layer.definition);
  const planGroups = definitions.flatMap((definition): LegendGroup[] => {
    const layer = state.layers.find((candidate) => candidate.definition.id === definition.id);
    if (!layer || !state.visibleLayerIds.has(definition.id)) return [];
    const { geometry } = drawing.drawings.drawingOf(layer);
    const shownSides = sides.map((side): ShownSide => ({ asOfDate: side.asOfDate, reaching: featuresReaching(geometry, layer.featureCount, side.bounds) }));
    const statusIds = shownStatusIds(layer, state.filters[definition.id], shownSides);
    if (statusIds.length === 0) return [];
    return [{
      title: definition.name[locale],
      entries: statusIds.map((statusId) => {
        const status = definition.statuses.find((candidate) => candidate.id === statusId);
        return { label: status?.label[locale] ?? statusId, color: status?.color ?? definition.color, shape: definition.geometry };
      }),
    }];
  });
  // The control lines the picture draws (the style's, as shown), after the projects.
  const controlLines = (drawing.basemap.controlLines ?? []).filter((line) => line.visible && line.name);
  const controlGroup: LegendGroup[] = controlLines.length === 0 ? [] : [{
    title: translate(locale, 'controlLines'),
    entries: controlLines.map((line) => ({ label: line.name?.[locale] ?? line.id, color: line.color, shape: 'line' as const })),
  }];
  return [...planGroups, ...controlGroup];
}
