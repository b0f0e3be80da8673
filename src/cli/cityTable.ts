import type { CityPage } from '../domain/city/cityPage';
import type { TargetProgress } from '../domain/progress/targetProgress';
import { formatMetric, formatPercent, metricUnitText } from '../domain/format/formatMeasure';
import { isShareMetric } from '../domain/plan/targetMetrics';
import { alignedRows } from './statsTable';

/** 12 / 20 (60%); a share is a percentage itself, so only its two figures. */
function cell(progress: TargetProgress | null): string {
  if (!progress) return '—';
  const figures = `${formatMetric(progress, progress.actual, 'zh')} / ${formatMetric(progress, progress.target, 'zh')}`;
  return isShareMetric(progress.metric) ? figures : `${figures} (${formatPercent(progress.percent, 'zh')})`;
}

/** `stats --city`: one row per comparable target, a column per district, then the city's. */
export function cityTable(page: CityPage): string {
  const { targets } = page;
  const header = ['图层 · 目标（单位）', ...targets.districts.map((district) => district.name.zh), `${page.name.zh}合计`];
  const rows = targets.rows.map((row) => [
    `${row.layerName.zh} · ${row.city.label.zh}${metricUnitText(row.city, 'zh') ? `（${metricUnitText(row.city, 'zh')}）` : ''}`,
    ...row.districts.map(cell),
    cell(row.city),
  ]);
  return [`${page.name.zh} 各区规划目标 · 截至 ${targets.asOfDate}`, '', ...alignedRows([header, ...rows], ''), ''].join('\n');
}
