import type { Locale, LocalizedText } from '../plan/manifest';
import type { DistrictStats } from '../progress/districtStats';
import type { TargetProgress } from '../progress/targetProgress';
import { TARGET_METRICS } from '../plan/targetMetrics';
import { unitLabel } from '../format/formatMeasure';
import { behindPace, targetVerdict, type TargetVerdict } from '../progress/targetVerdict';
import { csvText, type CsvValue } from './csvCell';
import { roundTo } from './roundTo';

const COLUMNS: LocalizedText[] = [
  { zh: '图层', en: 'Layer' },
  { zh: '目标', en: 'Target' },
  { zh: '指标', en: 'Metric' },
  { zh: '单位', en: 'Unit' },
  { zh: '目标值', en: 'Target value' },
  { zh: '完成值', en: 'Actual' },
  { zh: '完成率（%）', en: 'Done (% of target)' },
  { zh: '按期应完成', en: 'Expected by the date' },
  { zh: '期限', en: 'Deadline' },
  { zh: '进度', en: 'Verdict' },
  { zh: '滞后', en: 'Behind pace' },
  { zh: '统计日期', en: 'As of' },
];

const VERDICTS: Record<TargetVerdict, LocalizedText> = {
  met: { zh: '已达成', en: 'Met' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  onTrack: { zh: '进度正常', en: 'On track' },
  behind: { zh: '进度滞后', en: 'Behind' },
};

const YES_NO: Record<Locale, [string, string]> = { zh: ['是', '否'], en: ['yes', 'no'] };
const COUNT_UNIT: LocalizedText = { zh: '个', en: 'features' };

/** The unit a target's values are in, as a reader names it: 个, 公顷, 亩, 公里, %, or a sum target's own unit. */
function unitText(progress: TargetProgress, locale: Locale): string {
  const { unit } = TARGET_METRICS[progress.metric];
  switch (unit) {
    case 'count': return COUNT_UNIT[locale];
    case 'percent': return '%';
    case 'property': return progress.unit?.[locale] ?? '';
    default: return unitLabel(unit, locale);
  }
}

/**
 * Every plan target's progress on the stats' date as CSV for Excel (UTF-8 with a BOM), headers and
 * words in one language: the values in the metric's unit (a share's actual is the percentage
 * itself, and its "done" column the share of the target reached), whether it is behind its steady
 * pace. File `targets-<YYYY-MM-DD>.csv`.
 */
export function targetsCsvText(stats: DistrictStats, locale: Locale): string {
  const rows: CsvValue[][] = [COLUMNS.map((column) => column[locale])];
  for (const layer of stats.layers) {
    for (const progress of layer.targets) {
      rows.push([
        layer.definition.name[locale],
        progress.label[locale],
        TARGET_METRICS[progress.metric].label[locale],
        unitText(progress, locale),
        progress.target,
        roundTo(progress.actual, 4),
        roundTo(progress.percent, 2),
        roundTo(progress.expectedActual, 4),
        progress.deadline,
        VERDICTS[targetVerdict(progress)][locale],
        YES_NO[locale][behindPace(progress) ? 0 : 1],
        stats.asOfDate,
      ]);
    }
  }
  return csvText(rows);
}

export function targetsCsvFileName(asOfDate: string): string {
  return `targets-${asOfDate}.csv`;
}
