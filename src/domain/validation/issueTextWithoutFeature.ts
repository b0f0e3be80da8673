import type { LocalizedText } from '../plan/manifest';
import { describeFeature, type FeatureLabel } from './featureIssue';
import type { ValidationIssue } from './validationReport';

const withoutPrefix = (text: string, prefix: string): string => (text.startsWith(prefix) ? text.slice(prefix.length) : text);
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An issue's message without the feature it starts by naming (featureIssue), for a list whose
 * items name the feature already; the CLI prints whole messages.
 */
export function issueTextWithoutFeature(issue: ValidationIssue): LocalizedText {
  if (issue.featureIndex === undefined) return issue.message;
  const label: FeatureLabel = { featureIndex: issue.featureIndex };
  if (issue.featureId !== undefined) label.featureId = issue.featureId;
  if (issue.featureName !== undefined) label.featureName = issue.featureName;
  const who = describeFeature(label);
  return {
    zh: withoutPrefix(issue.message.zh, `${who.zh}：`),
    en: capitalized(withoutPrefix(issue.message.en, `${who.en}: `)),
  };
}
