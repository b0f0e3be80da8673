import { useMemo } from 'react';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { ControlLineShape } from '../../domain/control/controlLineShape';
import { controlConflicts, type ControlConflict } from '../../domain/control/controlConflicts';
import { controlLinesFor } from '../../domain/control/controlLinesFor';
import { formatPercent } from '../../domain/format/formatMeasure';
import { conflictMeasureText } from './conflictMeasureText';
import { useTranslation } from '../LocaleContext';

/** "1.23 公顷 · 占项目 45.6%": the conflicting part in the layer's unit, and its share of the project. */
export function ConflictAmount({ layer, conflict }: { layer: MeasuredLayer; conflict: ControlConflict }) {
  const t = useTranslation();
  const amount = conflictMeasureText(layer.definition.unit, conflict, t.locale);
  return (
    <span className="conflict-amount">
      {amount} <span className="muted">· {t('controlConflictShare')} {formatPercent(conflict.share * 100, t.locale)}</span>
    </span>
  );
}

/**
 * The details card's list of control lines the project breaks: each line's name, where the
 * project lies (inside a forbidden line, outside the boundary), the area and the share.
 */
export function FeatureControlConflicts({ layer, featureIndex, controlLines }: { layer: MeasuredLayer; featureIndex: number; controlLines: readonly ControlLineShape[] }) {
  const t = useTranslation();
  const geometry = layer.featureAt(featureIndex)?.geometry;
  const conflicts = useMemo(() => controlConflicts(geometry, controlLinesFor(layer.definition.id, controlLines)), [geometry, controlLines, layer]);
  if (controlLines.length === 0) return null;
  return (
    <section className="feature-conflicts" aria-label={t('controlConflicts')}>
      <h3>{t('controlConflicts')}</h3>
      {conflicts.length === 0 ? <p className="muted">{t('controlConflictsNone')}</p> : (
        <ul className="conflict-list">
          {conflicts.map((conflict) => {
            const line = controlLines.find((shape) => shape.definition.id === conflict.controlLineId)?.definition;
            if (!line) return null;
            return (
              <li key={conflict.controlLineId} data-control-line-id={line.id}>
                <span className="conflict-swatch" style={{ borderColor: line.color }} aria-hidden="true" />
                <strong>{t.text(line.name)}</strong>
                <span className="muted"> {t(line.rule === 'forbidden' ? 'controlConflictInside' : 'controlConflictOutside')}</span>
                {conflict.partNames.length > 0 && <span className="muted">{t.locale === 'zh' ? `（${conflict.partNames.join('、')}）` : ` (${conflict.partNames.join(', ')})`}</span>}
                <br />
                <ConflictAmount layer={layer} conflict={conflict} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
