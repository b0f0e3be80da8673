import { useState } from 'react';
import type { TargetSeriesSource } from '../../domain/progress/targetSeriesOf';
import type { LayerSummary } from '../../domain/progress/districtStats';
import { useTranslation } from '../LocaleContext';
import { LayerTargetChart, type ChartTimeProps } from './LayerTargetChart';

interface PresentTargetChartsProps extends ChartTimeProps {
  summary: LayerSummary;
  source: TargetSeriesSource | undefined;
}

/** The present screen's background (present.css), which the lines must stand out from. */
const PRESENT_BACKGROUND = '#0b1320';

/**
 * The focused layer's targets over time, one at a time and large (the column under the KPI tiles
 * has room for one chart legible from across the room, not three); a button per target chooses
 * which, the layer's first target (the one the tile and the ranking show) at first.
 */
export function PresentTargetCharts({ summary, source, ...rest }: PresentTargetChartsProps) {
  const t = useTranslation();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const progress = summary.targets.find((candidate) => candidate.targetId === chosenId) ?? summary.targets[0];
  const target = summary.definition.targets.find((candidate) => candidate.id === progress?.targetId);
  if (!source || !progress || !target) return null;
  return (
    <section className="present-charts" aria-label={t('chartProgressOverTime')} data-layer-id={summary.layerId}>
      <div className="present-chart-choices">
        {summary.targets.length === 1 ? (
          <h3>{t.text(progress.label)}</h3>
        ) : summary.targets.map((candidate) => (
          <button key={candidate.targetId} type="button" aria-pressed={candidate.targetId === progress.targetId} onClick={() => setChosenId(candidate.targetId)}>
            {t.text(candidate.label)}
          </button>
        ))}
      </div>
      <LayerTargetChart target={target} source={source} progress={progress} variant="large" background={PRESENT_BACKGROUND} {...rest} />
    </section>
  );
}
