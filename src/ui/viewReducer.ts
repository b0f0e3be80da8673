import type { Locale } from '../domain/plan/manifest';
import type { BasemapId } from '../map/basemapStyle';
import type { CameraState, FeatureRef } from '../map/PlanMapController';
import type { ScreenMode, ViewState } from './viewState';
import type { TourScene } from '../domain/tour/tour';

export type ViewAction =
  | { type: 'setLocale'; locale: Locale }
  | { type: 'setCamera'; camera: CameraState }
  | { type: 'toggleLayer'; layerId: string }
  | { type: 'toggleStatus'; layerId: string; statusId: string }
  | { type: 'clearStatuses'; layerId: string }
  | { type: 'setStatuses'; layerId: string; statuses: string[] }
  | { type: 'toggleStreet'; street: string }
  | { type: 'clearStreets' }
  | { type: 'clearAllFilters' }
  | { type: 'setLateOnly'; lateOnly: boolean }
  | { type: 'select'; feature: FeatureRef | null }
  | { type: 'setBasemap'; basemap: BasemapId }
  | { type: 'setAsOfDate'; asOfDate: string | null }
  | { type: 'setCompareDate'; compareDate: string | null }
  | { type: 'setMode'; mode: ScreenMode }
  | { type: 'showScene'; index: number; scene: TourScene; allLayerIds: readonly string[] }
  | { type: 'leaveTour' };

function toggled(items: readonly string[], item: string): string[] {
  return items.includes(item) ? items.filter((candidate) => candidate !== item) : [...items, item];
}

/** The one place view state changes; each action returns a new state and nothing else. */
export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'setLocale':
      return { ...state, locale: action.locale };
    case 'setCamera':
      return { ...state, camera: action.camera };
    case 'toggleLayer':
      return { ...state, hiddenLayerIds: toggled(state.hiddenLayerIds, action.layerId) };
    case 'toggleStatus': {
      const statuses = toggled(state.statusFilters[action.layerId] ?? [], action.statusId);
      const statusFilters = { ...state.statusFilters, [action.layerId]: statuses };
      if (statuses.length === 0) delete statusFilters[action.layerId];
      return { ...state, statusFilters };
    }
    case 'setStatuses': {
      const statusFilters = { ...state.statusFilters, [action.layerId]: [...action.statuses] };
      if (action.statuses.length === 0) delete statusFilters[action.layerId];
      return { ...state, statusFilters };
    }
    case 'clearStatuses': {
      const statusFilters = { ...state.statusFilters };
      delete statusFilters[action.layerId];
      return { ...state, statusFilters };
    }
    case 'toggleStreet':
      return { ...state, streets: toggled(state.streets, action.street) };
    case 'clearStreets':
      return { ...state, streets: [] };
    case 'clearAllFilters':
      return { ...state, statusFilters: {}, streets: [], lateOnly: false };
    case 'setLateOnly':
      return { ...state, lateOnly: action.lateOnly };
    case 'select':
      return { ...state, selected: action.feature };
    case 'setBasemap':
      return { ...state, basemap: action.basemap };
    case 'setAsOfDate':
      return { ...state, asOfDate: action.asOfDate };
    case 'setCompareDate':
      return { ...state, compareDate: action.compareDate };
    case 'setMode':
      return { ...state, mode: action.mode, tourScene: action.mode === 'browse' ? null : state.tourScene };
    case 'showScene': {
      const { scene } = action;
      const visible = scene.layers ?? action.allLayerIds;
      return {
        ...state,
        mode: 'present',
        tourScene: action.index,
        hiddenLayerIds: action.allLayerIds.filter((layerId) => !visible.includes(layerId)),
        statusFilters: Object.fromEntries(Object.entries(scene.filters ?? {}).filter(([, statuses]) => statuses.length > 0)),
        streets: [...(scene.streets ?? [])],
        lateOnly: scene.warnings === 'late-only',
        asOfDate: scene.asOfDate ?? null,
        selected: null,
      };
    }
    case 'leaveTour':
      return { ...state, tourScene: null, kiosk: false };
  }
}
