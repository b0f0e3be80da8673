import type { Locale } from '../domain/plan/manifest';
import type { BasemapId } from '../map/basemapStyle';
import type { CameraState, FeatureRef } from '../map/PlanMapController';

export type ScreenMode = 'browse' | 'present';

/** Everything a shared link restores. */
export interface ViewState {
  mode: ScreenMode;
  /** The day the map and the numbers show (YYYY-MM-DD); null is today. */
  asOfDate: string | null;
  /** Swipe comparison: the map west of the divider shows this day; null is no comparison. */
  compareDate: string | null;
  /** The scene of the guided tour being shown (0-based), or null outside the tour. */
  tourScene: number | null;
  /** Kiosk: the tour advances on its timer and starts over at the end. */
  kiosk: boolean;
  locale: Locale;
  /** Null until the user moves the map: the district's own initial view applies. */
  camera: CameraState | null;
  hiddenLayerIds: string[];
  /** Chosen statuses per layer; a missing or empty list shows every status. */
  statusFilters: Record<string, string[]>;
  /** Chosen sub-districts, for every layer; empty shows all. */
  streets: string[];
  /** 只看预警项目: only the projects overdue or due soon on the day shown. */
  lateOnly: boolean;
  selected: FeatureRef | null;
  basemap: BasemapId;
}

export const initialViewState: ViewState = {
  mode: 'browse',
  asOfDate: null,
  compareDate: null,
  tourScene: null,
  kiosk: false,
  locale: 'zh',
  camera: null,
  hiddenLayerIds: [],
  statusFilters: {},
  streets: [],
  lateOnly: false,
  selected: null,
  basemap: 'offline',
};
