import type { GeometryKind, Manifest } from '../domain/plan/manifest';
import type { DistrictStats, LayerSummary } from '../domain/progress/districtStats';
import type { StatusTotals } from '../domain/progress/layerStats';
import type { TargetProgress } from '../domain/progress/targetProgress';
import { formatMetric, formatPercent } from '../domain/format/formatMeasure';
import { metersToKilometers, squareMetersToHectares, squareMetersToMu } from '../domain/measure/units';
import type { MeasureJson } from './statsJson';
import { targetVerdict } from '../domain/progress/targetVerdict';
import type { ProjectWarning } from '../domain/progress/projectWarnings';
import { isShareMetric } from '../domain/plan/targetMetrics';

/** The readable, Chinese `npm run stats` report: one aligned table per layer. */

/** Terminal columns of a string: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

const fixed = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Rows of cells; the first column is left-aligned, the others right-aligned. */
export function alignedRows(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    indent + row.map((cell, column) => (column === 0 ? padEnd(cell, widths[column] ?? 0) : padStart(cell, widths[column] ?? 0))).join('   '),
  );
}

function measureCells(totals: StatusTotals, kind: GeometryKind): string[] {
  const count = whole.format(totals.features);
  // A point layer's measure is its count.
  if (kind === 'point') return [count];
  if (kind === 'line') return [count, fixed.format(metersToKilometers(totals.lengthMeters))];
  return [count, fixed.format(squareMetersToHectares(totals.areaSquareMeters)), fixed.format(squareMetersToMu(totals.areaSquareMeters))];
}

const VERDICT_ZH = { met: '已达成', overdue: '已逾期', onTrack: '进度正常', behind: '进度滞后' } as const;

function targetLine(progress: TargetProgress): string {
  const flags = VERDICT_ZH[targetVerdict(progress)];
  const actual = formatMetric(progress, progress.actual, 'zh');
  const target = formatMetric(progress, progress.target, 'zh');
  // A share is itself a percentage: its percent of the target would read as a second, different share.
  const done = isShareMetric(progress.metric)
    ? `已达 ${actual} / 目标 ${target}`
    : `已完成 ${actual} / 目标 ${target} (${formatPercent(progress.percent, 'zh')})`;
  return `目标「${progress.label.zh}」 ${done}  截止 ${progress.deadline}  ${flags}`;
}

/** 预警：逾期 3 个，30 天内到期 1 个 (the list itself is in --json). */
function warningLine(warnings: readonly ProjectWarning[]): string {
  const overdue = warnings.filter((warning) => warning.kind === 'overdue').length;
  return `预警 逾期项目 ${whole.format(overdue)} 个，30 天内到期 ${whole.format(warnings.length - overdue)} 个`;
}

function layerSection(summary: LayerSummary, warnings: readonly ProjectWarning[]): string[] {
  const { definition, stats } = summary;
  const kind = definition.geometry;
  const header = kind === 'point' ? ['状态', '项目数'] : kind === 'line' ? ['状态', '项目数', '长度（公里）'] : ['状态', '项目数', '面积（公顷）', '面积（亩）'];
  const rows: string[][] = [header];
  for (const status of definition.statuses) {
    const totals = stats.byStatus[status.id];
    if (totals) rows.push([status.label.zh, ...measureCells(totals, kind)]);
  }
  const known = new Set(definition.statuses.map((status) => status.id));
  for (const [statusId, totals] of Object.entries(stats.byStatus)) {
    if (!known.has(statusId)) rows.push([`未知状态 ${statusId}`, ...measureCells(totals, kind)]);
  }
  rows.push(['合计', ...measureCells(stats.totals, kind)]);
  return [
    `${definition.name.zh}（${definition.id}）`,
    ...alignedRows(rows, '  '),
    ...summary.targets.map((progress) => `  ${targetLine(progress)}`),
    `  ${warningLine(warnings)}`,
  ];
}

export function districtTable(manifest: Manifest, stats: DistrictStats, warnings: Readonly<Record<string, readonly ProjectWarning[]>> = {}): string {
  const lines = [`${manifest.district.name.zh} 规划统计 · 截至 ${stats.asOfDate}`, ''];
  for (const summary of stats.layers) lines.push(...layerSection(summary, warnings[summary.layerId] ?? []), '');
  return lines.join('\n');
}

export function fileTable(path: string, measure: MeasureJson): string {
  const rows = [
    ['文件', path],
    ['要素数', whole.format(measure.features)],
    ['面积（公顷）', fixed.format(squareMetersToHectares(measure.area_m2))],
    ['面积（亩）', fixed.format(squareMetersToMu(measure.area_m2))],
    ['面积（平方米）', fixed.format(measure.area_m2)],
    ['长度（公里）', fixed.format(metersToKilometers(measure.length_m))],
  ];
  return `${alignedRows(rows, '').join('\n')}\n`;
}
