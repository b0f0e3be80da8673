import type { LocalizedText } from './localizedText';
import type { ValidationIssue } from '../validation/validationReport';
import { isRecord } from '../isRecord';
import { safeText } from '../validation/safeText';

const FIELD_NAMES: Record<string, LocalizedText> = {
  target: { zh: '目标值', en: 'target value' },
  deadline: { zh: '期限', en: 'deadline' },
  countedStatuses: { zh: '计入状态', en: 'counted statuses' },
  label: { zh: '名称', en: 'label' },
  color: { zh: '颜色', en: 'colour' },
  name: { zh: '名称', en: 'name' },
  planStart: { zh: '规划期开始', en: 'plan start' },
  planEnd: { zh: '规划期结束', en: 'plan end' },
  doneStatuses: { zh: '完成状态', en: 'done statuses' },
  statuses: { zh: '状态', en: 'statuses' },
  targets: { zh: '目标', en: 'targets' },
};

function labelOf(item: unknown, fallback: string): LocalizedText {
  if (!isRecord(item)) return { zh: fallback, en: fallback };
  const label = isRecord(item.label) ? item.label : isRecord(item.name) ? item.name : undefined;
  const id = typeof item.id === 'string' ? item.id : fallback;
  const zh = label && typeof label.zh === 'string' && label.zh ? label.zh : id;
  const en = label && typeof label.en === 'string' && label.en ? label.en : id;
  return { zh: safeText(zh, 30), en: safeText(en, 30) };
}

/**
 * Where in layers.json a JSON pointer leads, as a reader of the admin screen knows it: "城中村 ›
 * 目标 城中村拆除 › 目标值" instead of /layers/0/targets/0/target. Empty for the whole file.
 */
export function manifestPlaceText(manifestJson: unknown, path: string): LocalizedText {
  const parts = path.split('/').slice(1);
  const zh: string[] = [];
  const en: string[] = [];
  const push = (text: LocalizedText) => { zh.push(text.zh); en.push(text.en); };
  const layers = isRecord(manifestJson) && Array.isArray(manifestJson.layers) ? manifestJson.layers : [];
  if (parts[0] === 'district') {
    push({ zh: '区', en: 'district' });
    if (parts[1]) push(FIELD_NAMES[parts[1]] ?? { zh: parts[1], en: parts[1] });
  } else if (parts[0] === 'layers' && parts[1] !== undefined) {
    const layer: unknown = layers[Number(parts[1])];
    push(labelOf(layer, `#${Number(parts[1]) + 1}`));
    const kind = parts[2];
    const list = isRecord(layer) && kind && Array.isArray(layer[kind]) ? (layer[kind] as unknown[]) : undefined;
    if ((kind === 'targets' || kind === 'statuses') && parts[3] !== undefined && list) {
      const item = labelOf(list[Number(parts[3])], `#${Number(parts[3]) + 1}`);
      push(kind === 'targets' ? { zh: `目标 ${item.zh}`, en: `target ${item.en}` } : { zh: `状态 ${item.zh}`, en: `status ${item.en}` });
      if (parts[4]) push(FIELD_NAMES[parts[4]] ?? { zh: parts[4], en: parts[4] });
    } else if (kind) push(FIELD_NAMES[kind] ?? { zh: kind, en: kind });
  }
  return { zh: zh.join(' › '), en: en.join(' › ') };
}

/** The issues with the place each one is about in front of its message, so no message leaves the reader guessing where. */
export function withManifestPlaces<T extends Pick<ValidationIssue, 'path' | 'message'>>(issues: readonly T[], manifestJson: unknown): T[] {
  return issues.map((issue) => {
    const place = manifestPlaceText(manifestJson, issue.path);
    return place.zh ? { ...issue, message: { zh: `${place.zh}：${issue.message.zh}`, en: `${place.en}: ${issue.message.en}` } } : issue;
  });
}
