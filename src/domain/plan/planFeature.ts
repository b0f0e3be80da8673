import type { Feature, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';

/** One dated change of a project's status. */
export interface StatusChange {
  /** ISO 8601 date, YYYY-MM-DD. */
  date: string;
  status: string;
}

/** Properties every plan feature carries; layers may add their own attributes. */
export interface PlanFeatureProperties {
  name: string;
  /** The current status: equals the status of the latest history entry. */
  status: string;
  /** Oldest first. */
  history: StatusChange[];
  /** Sub-district (街道) the project lies in. */
  street?: string;
  /** Planned dates of statuses to come, status id → YYYY-MM-DD (监测预警: projectWarnings). */
  plan_dates?: Record<string, string>;
  /** The unit responsible for the project (责任单位), shown beside its warnings. */
  unit_in_charge?: string;
  [attribute: string]: unknown;
}

export type PlanGeometry = Polygon | MultiPolygon | LineString | MultiLineString | Point | MultiPoint;

export interface PlanFeature extends Feature<PlanGeometry | null, PlanFeatureProperties> {
  id: string;
}

export interface PlanFeatureCollection {
  type: 'FeatureCollection';
  features: PlanFeature[];
}
