import type { LocalizedText } from './manifest';

/** A feature a scene points at. */
export interface TourFeatureRef {
  layer: string;
  id: string;
}

/**
 * Where a scene's camera goes: a centre and zoom, a box, or (when absent) the highlighted
 * features, else the whole district.
 */
export type TourCamera = { center: [number, number]; zoom: number } | { bounds: [number, number, number, number] };

/** One step of a briefing, prepared by staff in geodata/tour.json. */
export interface TourScene {
  id: string;
  title: LocalizedText;
  caption: LocalizedText;
  camera?: TourCamera;
  /** Visible layers; absent shows all. */
  layers?: string[];
  /** Chosen statuses per layer, as the status filters of the map. */
  filters?: Record<string, string[]>;
  streets?: string[];
  /** The day shown (YYYY-MM-DD); absent or null is today. */
  asOfDate?: string | null;
  highlight?: TourFeatureRef[];
  /** The layer whose KPI tile and sub-district ranking lead. */
  focusLayer?: string;
  /** How long the scene stays when the tour plays on a timer. */
  durationSeconds?: number;
}

export interface Tour {
  title: LocalizedText;
  /** Default time per scene when playing on a timer. */
  durationSeconds: number;
  scenes: TourScene[];
}
