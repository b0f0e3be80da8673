import type { BasemapId } from '../map/basemapStyle';
import { isCalendarDate } from '../domain/dates/isCalendarDate';
import { initialViewState, type ViewState } from './viewState';

const BASEMAPS: readonly BasemapId[] = ['offline', 'osm', 'tianditu'];

function list(value: string | null): string[] {
  return value ? value.split(',').filter((item) => item.length > 0) : [];
}

function parseCamera(value: string | null): ViewState['camera'] {
  const parts = (value ?? '').split('/').map(Number);
  const [zoom, latitude, longitude] = parts;
  if (parts.length !== 3 || zoom === undefined || latitude === undefined || longitude === undefined) return null;
  if (![zoom, latitude, longitude].every(Number.isFinite)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || zoom < 0 || zoom > 24) return null;
  return { center: [longitude, latitude], zoom };
}

/**
 * Reads a view from URL search parameters. Unknown or malformed values fall back to defaults, so
 * an old or hand-edited link still opens the map.
 * `map=zoom/lat/lon` follows the OpenStreetMap convention planners already paste around.
 */
export function viewStateFromSearch(search: string): ViewState {
  const params = new URLSearchParams(search);
  const statusFilters: Record<string, string[]> = {};
  for (const entry of (params.get('status') ?? '').split(';')) {
    const [layerId, statuses] = entry.split(':');
    const chosen = list(statuses ?? null);
    if (layerId && chosen.length > 0) statusFilters[layerId] = chosen;
  }
  const selectedParam = params.get('feature');
  const slash = selectedParam?.indexOf('/') ?? -1;
  const basemap = params.get('basemap');
  const date = params.get('date') ?? '';
  const sceneNumber = Number(params.get('tour'));
  return {
    mode: params.get('mode') === 'present' ? 'present' : 'browse',
    asOfDate: isCalendarDate(date) ? date : null,
    compareDate: isCalendarDate(params.get('compare') ?? '') ? params.get('compare') : null,
    tourScene: Number.isInteger(sceneNumber) && sceneNumber >= 1 ? sceneNumber - 1 : null,
    kiosk: params.get('kiosk') === '1',
    locale: params.get('lang') === 'en' ? 'en' : 'zh',
    camera: parseCamera(params.get('map')),
    hiddenLayerIds: list(params.get('hide')),
    statusFilters,
    streets: list(params.get('street')),
    lateOnly: params.get('late') === '1',
    selected: selectedParam && slash > 0
      ? { layerId: selectedParam.slice(0, slash), featureId: selectedParam.slice(slash + 1) }
      : null,
    basemap: BASEMAPS.find((candidate) => candidate === basemap) ?? initialViewState.basemap,
  };
}

/** Writes only what differs from the defaults, so links stay short and readable. */
export function searchFromViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.mode !== initialViewState.mode) params.set('mode', view.mode);
  if (view.asOfDate) params.set('date', view.asOfDate);
  if (view.compareDate) params.set('compare', view.compareDate);
  // Scenes are numbered from 1 in links, as people count them.
  if (view.tourScene !== null) params.set('tour', String(view.tourScene + 1));
  if (view.kiosk) params.set('kiosk', '1');
  if (view.camera) {
    const [longitude, latitude] = view.camera.center;
    params.set('map', `${view.camera.zoom.toFixed(2)}/${latitude.toFixed(5)}/${longitude.toFixed(5)}`);
  }
  if (view.hiddenLayerIds.length > 0) params.set('hide', view.hiddenLayerIds.join(','));
  const filters = Object.entries(view.statusFilters)
    .filter(([, statuses]) => statuses.length > 0)
    .map(([layerId, statuses]) => `${layerId}:${statuses.join(',')}`);
  if (filters.length > 0) params.set('status', filters.join(';'));
  if (view.streets.length > 0) params.set('street', view.streets.join(','));
  if (view.lateOnly) params.set('late', '1');
  if (view.selected) params.set('feature', `${view.selected.layerId}/${view.selected.featureId}`);
  if (view.basemap !== initialViewState.basemap) params.set('basemap', view.basemap);
  if (view.locale !== initialViewState.locale) params.set('lang', view.locale);
  const search = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%3B', ';');
  return search ? `?${search}` : '';
}
