import type { MetricRow } from './summarize';
import { median, ratioSummary } from './statistics';
import { TILE_STREET_ZOOM, type TileBrowserRepetition, type TileBrowserResult, type TileViewResult } from './tileBrowserResult';

const MB = 1e6;

function viewName(view: TileViewResult['view']): string {
  return view === 'district' ? 'district view' : `street, z${TILE_STREET_ZOOM}`;
}

/** Ours against plain MapLibre on the same tiles: medians and the ratio of medians, per view; the floor is the app with every layer hidden. */
export function tileBrowserRows(result: TileBrowserResult): MetricRow[] {
  return result.views.flatMap((view) => {
    const row = (metric: string, unit: MetricRow['unit'], read: (repetition: TileBrowserRepetition) => number, floor = Number.NaN, scale = 1): MetricRow => {
      const ours = view.ours.map((repetition) => read(repetition) / scale);
      const baseline = view.baseline.map((repetition) => read(repetition) / scale);
      return { size: result.size, metric: `tiled, ${viewName(view.view)}: ${metric}`, unit, ours: median(ours), baseline: median(baseline), floor: floor / scale, ratio: ratioSummary(ours, baseline), goal: null };
    };
    const tiles = (side: readonly TileBrowserRepetition[]) => median(side.map((repetition) => repetition.tilesAtFirstFullRender)).toFixed(0);
    return [
      row(`first full render (baseline = MapLibre on the same tiles; ${tiles(view.ours)} / ${tiles(view.baseline)} tiles)`, 'ms', (repetition) => repetition.firstFullRenderMs, view.floor.firstFullRenderMs),
      row('filter click → pixels', 'ms', (repetition) => median(repetition.filterLatencyMs)),
      row('pan frame', 'ms', (repetition) => repetition.panFrameMs, view.floor.panFrameMs),
      row('process tree PSS', 'MB', (repetition) => repetition.pssBytes, view.floor.pssBytes, MB),
    ];
  });
}

/** The load average next to the figures: the machine is shared. */
export function loadAverageLine(results: readonly TileBrowserResult[]): string {
  return results.map((result) => `${result.size.toLocaleString('en-US')}: load average ${result.loadAverage.before.toFixed(2)} → ${result.loadAverage.after.toFixed(2)}`).join('; ');
}
