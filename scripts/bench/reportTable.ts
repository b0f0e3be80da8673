import type { MetricRow, Unit } from './summarize';
import type { MachineInfo } from './machineInfo';

function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms': return value >= 10000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
    case 'MB': return `${value.toFixed(value < 10 ? 2 : 0)} MB`;
    case 'per-s': return `${(value / 1000).toFixed(0)}k/s`;
    case 'relative': return value.toExponential(1);
    case 'ratio': return value.toFixed(2);
  }
}

function formatRatio(row: MetricRow): string {
  const ratio = row.ratio;
  if (!ratio || !Number.isFinite(ratio.median)) return '—';
  const spread = ratio.pairs > 1 ? ` (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})` : '';
  return `${ratio.median.toFixed(2)}${spread}`;
}

function formatGoal(row: MetricRow): string {
  if (!row.goal) return '';
  const value = Number.isFinite(row.goal.value) ? (Math.abs(row.goal.value) < 1e-3 ? row.goal.value.toExponential(1) : row.goal.value.toFixed(2)) : 'n/a';
  return `${row.goal.pass ? 'PASS' : 'FAIL'} ${row.goal.text} (${value})`;
}

/** A plain-text table: every metric, ours, baseline, floor, ratio (spread) and goal. */
export function reportTable(rows: readonly MetricRow[]): string {
  const header = ['size', 'metric', 'ours', 'baseline', 'floor', 'ours/baseline (min–max)', 'goal'];
  const lines = rows.map((row) => [
    row.size === null ? '' : row.size.toLocaleString('en-US'),
    row.metric,
    formatValue(row.ours, row.unit),
    formatValue(row.baseline, row.unit),
    formatValue(row.floor, row.unit),
    formatRatio(row),
    formatGoal(row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const render = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ').trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(render)].join('\n');
}

export function machineLine(machine: MachineInfo): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; Chromium ${machine.chromium}; WebGL: ${machine.webglRenderer}`;
}
