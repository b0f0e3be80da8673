import type { LayerDefinition, PropertyCondition } from '../plan/manifest';
import type { PlanFeature } from '../plan/planFeature';
import { planDateColumns, type PlanDateColumns } from './planDateColumns';

/**
 * What the panels and the GPU filter need of every feature, as typed arrays indexed like the
 * layer's features: status codes, status history, sub-district codes and which targets each
 * feature belongs to. Built once per layer (in the load worker or from features), so a filter
 * click or a timeline step is a loop over numbers, never over GeoJSON objects.
 */
export interface LayerColumns {
  featureCount: number;
  /** Status ids a code stands for: the layer's lifecycle in order, then ids found only in the data. */
  statusIds: string[];
  /** The current status of each feature, as a code into statusIds. */
  currentStatus: Uint16Array;
  /** History entries of feature i are historyStart[i] .. historyStart[i + 1] - 1, in data order. */
  historyStart: Uint32Array;
  /** The entry's day as the number yyyymmdd (so it orders like the ISO text), NaN when unreadable. */
  historyDay: Float64Array;
  /** The entry's status, as a code into statusIds. */
  historyStatus: Uint16Array;
  /** Sub-district names a code stands for, in order of first appearance; '' for none. */
  streets: string[];
  streetCode: Uint16Array;
  /** Line layers: each feature's `widthMeters` (NaN when it has none); empty for polygon layers. */
  widthMeters: Float32Array;
  /** Per `where` condition of the layer's targets (keyed by whereKey): 1 where a feature matches it. */
  whereMatches: Record<string, Uint8Array>;
  /** Per `property` of the layer's sum targets: each feature's value as a number, NaN when it has none or it is not a number. */
  propertyNumbers: Record<string, Float64Array>;
  /** Planned dates per status and the responsible unit of each feature (projectWarnings). */
  planDates: PlanDateColumns;
}

/** The street key of features without a `street`: filters and stats list them under ''. */
export const NO_STREET = '';

/** The key of a target's `where` condition in LayerColumns.whereMatches. */
export function whereKey(where: PropertyCondition): string {
  return `${where.property}\u0000${where.equals}`;
}

/** Whether a feature's property matches a target's condition (compared as text); also a target group's property values. */
export function matchesWhere(properties: Readonly<Record<string, unknown>>, where: PropertyCondition): boolean {
  return String(properties[where.property] ?? '') === where.equals;
}

/** A property value as a number a sum target adds: finite numbers, and numeric text as spreadsheets write it ("3.5"); NaN otherwise. */
export function propertyNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return Number.NaN;
}

/** yyyymmdd of a date's calendar day ("2025-03-01T08:00" is 20250301); NaN when it is not a date. */
export function dayKey(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]) : Number.NaN;
}

/** Assigns each distinct text a code in order of first appearance. */
export class CodeBook {
  readonly values: string[];
  private readonly codes = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    this.values = [];
    for (const value of initial) this.codeOf(value);
  }

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}

export function layerColumns(definition: LayerDefinition, features: readonly PlanFeature[]): LayerColumns {
  const featureCount = features.length;
  const statuses = new CodeBook(definition.statuses.map((status) => status.id));
  const streets = new CodeBook();
  const currentStatus = new Uint16Array(featureCount);
  const streetCode = new Uint16Array(featureCount);
  const historyStart = new Uint32Array(featureCount + 1);
  let historyLength = 0;
  for (const feature of features) historyLength += Array.isArray(feature.properties.history) ? feature.properties.history.length : 0;
  const historyDay = new Float64Array(historyLength);
  const historyStatus = new Uint16Array(historyLength);
  const conditions = new Map<string, PropertyCondition>();
  for (const target of definition.targets) if (target.where) conditions.set(whereKey(target.where), target.where);
  const whereMatches: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const key of conditions.keys()) whereMatches[key] = new Uint8Array(featureCount);

  const propertyNumbers: Record<string, Float64Array> = Object.create(null) as Record<string, Float64Array>;
  for (const target of definition.targets) if (target.property !== undefined) propertyNumbers[target.property] = new Float64Array(featureCount);
  const summedProperties = Object.entries(propertyNumbers);

  const widthMeters = new Float32Array(definition.geometry === 'line' ? featureCount : 0);
  let entry = 0;
  features.forEach((feature, index) => {
    const properties = feature.properties;
    if (widthMeters.length > 0) widthMeters[index] = typeof properties.widthMeters === 'number' ? properties.widthMeters : Number.NaN;
    currentStatus[index] = statuses.codeOf(String(properties.status));
    streetCode[index] = streets.codeOf(typeof properties.street === 'string' ? properties.street : NO_STREET);
    historyStart[index] = entry;
    if (Array.isArray(properties.history)) {
      for (const change of properties.history) {
        historyDay[entry] = typeof change.date === 'string' ? dayKey(change.date) : Number.NaN;
        historyStatus[entry] = statuses.codeOf(String(change.status));
        entry++;
      }
    }
    for (const [property, numbers] of summedProperties) numbers[index] = propertyNumber(properties[property]);
    for (const [key, where] of conditions) {
      const matches = whereMatches[key];
      if (matches && matchesWhere(properties, where)) matches[index] = 1;
    }
  });
  historyStart[featureCount] = entry;
  const planDates = planDateColumns(features, statuses, new CodeBook());
  return {
    featureCount,
    statusIds: statuses.values,
    currentStatus,
    historyStart,
    historyDay,
    historyStatus,
    streets: streets.values,
    streetCode,
    widthMeters,
    whereMatches,
    propertyNumbers,
    planDates,
  };
}
