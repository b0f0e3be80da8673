import type { ValidationCode, ValidationIssue } from './validationReport';
import { quoteValue, quoteValueZh, safeText } from './safeText';
import { isRecord } from '../isRecord';

/** Which feature an issue is about, as people recognise it: its index, id and name. */
export interface FeatureLabel {
  featureIndex: number;
  /** The id exactly as in the data, for programs; messages quote it escaped. */
  featureId?: string;
  /** The name property, escaped and truncated (safeText). */
  featureName?: string;
}

/** The label of feature `featureIndex`, read defensively from untrusted JSON. */
export function featureLabel(featureIndex: number, feature: unknown): FeatureLabel {
  const label: FeatureLabel = { featureIndex };
  if (!isRecord(feature)) return label;
  const { id, properties } = feature;
  if (typeof id === 'string' || typeof id === 'number') label.featureId = String(id);
  if (isRecord(properties)) {
    const name = properties.name;
    if (typeof name === 'string' && name.trim() !== '') label.featureName = safeText(name);
  }
  return label;
}

/** "要素 3（id “UV-001”，“瓦窑村”）" / "feature 3 (id "UV-001", 瓦窑村)", counted from 1 as people count (featureIndex 2). */
export function describeFeature(label: FeatureLabel): { zh: string; en: string } {
  const zhParts: string[] = [];
  const enParts: string[] = [];
  if (label.featureId !== undefined) {
    zhParts.push(`id ${quoteValueZh(label.featureId, 80)}`);
    enParts.push(`id ${quoteValue(label.featureId, 80)}`);
  }
  if (label.featureName !== undefined) {
    zhParts.push(`“${label.featureName}”`);
    enParts.push(`"${label.featureName}"`);
  }
  return {
    zh: `要素 ${label.featureIndex + 1}${zhParts.length ? `（${zhParts.join('，')}）` : ''}`,
    en: `feature ${label.featureIndex + 1}${enParts.length ? ` (${enParts.join(', ')})` : ''}`,
  };
}

/** An issue, about a feature when `label` is given (its messages then start by naming it). */
export function featureIssue(
  label: FeatureLabel | undefined,
  code: ValidationCode,
  path: string,
  zh: string,
  en: string,
  location?: [number, number],
): ValidationIssue {
  const issue: ValidationIssue = { path, code, message: { zh, en } };
  if (label) {
    const who = describeFeature(label);
    issue.featureIndex = label.featureIndex;
    if (label.featureId !== undefined) issue.featureId = label.featureId;
    if (label.featureName !== undefined) issue.featureName = label.featureName;
    issue.message = { zh: `${who.zh}：${zh}`, en: `${who.en}: ${en}` };
  }
  if (location) issue.location = location;
  return issue;
}
