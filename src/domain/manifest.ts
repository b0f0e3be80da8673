/** The shape of geodata/layers.json: the district, its plan period and its six plan layers. */

/** A text in the two UI languages; Simplified Chinese is the default. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Locale = keyof LocalizedText;

export type GeometryKind = 'polygon' | 'line';

/** The unit a layer's measure is shown in. Areas are always computed in square metres first. */
export type MeasureUnit = 'ha' | 'mu' | 'km';

export interface StatusDefinition {
  /** Stable id stored in features' `status` and `history[].status`. */
  id: string;
  label: LocalizedText;
  /** CSS hex colour, #rrggbb. */
  color: string;
}

export type TargetMetric = 'count' | 'area_ha' | 'area_mu' | 'length_km';

/** Restricts a target (or a statistic) to features whose property equals a value. */
export interface PropertyCondition {
  property: string;
  equals: string;
}

export interface PlanTarget {
  id: string;
  label: LocalizedText;
  metric: TargetMetric;
  /** Target value in the metric's unit (features, ha, mu or km). */
  target: number;
  /** ISO 8601 date (YYYY-MM-DD) by which the target must be met. */
  deadline: string;
  /** Statuses that count toward this target. */
  countedStatuses: string[];
  /** Only features matching this condition are counted; absent means all features of the layer. */
  where?: PropertyCondition;
}

export interface LayerDefinition {
  id: string;
  name: LocalizedText;
  geometry: GeometryKind;
  /** The layer's own colour (layer panel swatch, outlines). */
  color: string;
  unit: MeasureUnit;
  /** Ordered lifecycle: earlier statuses come first. Branches (e.g. demolish vs. renovate) are listed in order. */
  statuses: StatusDefinition[];
  /** Statuses that mean the project is finished. */
  doneStatuses: string[];
  targets: PlanTarget[];
  /** Property names worth showing as columns (besides id, name, status). */
  attributes?: AttributeDefinition[];
}

export interface AttributeDefinition {
  property: string;
  label: LocalizedText;
  /** For enumerated attributes: value -> label. */
  values?: Record<string, LocalizedText>;
}

export interface DistrictDefinition {
  name: LocalizedText;
  /** Plan period, ISO 8601 dates. */
  planStart: string;
  planEnd: string;
  /** Initial map view. */
  center: [number, number];
  zoom: number;
  /** [west, south, east, north] in degrees; data outside it is suspicious. */
  bounds: [number, number, number, number];
}

export interface Manifest {
  district: DistrictDefinition;
  layers: LayerDefinition[];
}

/** The six layer ids, fixed by the product: file names and URLs use them. */
export const LAYER_IDS = [
  'urban-villages',
  'old-neighborhoods',
  'roads',
  'green-space',
  'idle-land',
  'lakeshore',
] as const;

export type LayerId = (typeof LAYER_IDS)[number];
