import { useMemo } from 'react';
import { controlLinesFor } from '../../domain/control/controlLinesFor';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';
import type { ControlLineShape } from '../../domain/control/controlLineShape';
import { newControlConflicts } from '../../domain/control/newControlConflicts';
import { formatPercent } from '../../domain/format/formatMeasure';
import { conflictMeasureText } from './conflictMeasureText';
import { useTranslation } from '../LocaleContext';

interface ImportNewConflictsProps {
  definition: LayerDefinition;
  /** The saved layer, and what saving would make of it. */
  saved: readonly PlanFeature[];
  candidate: readonly PlanFeature[];
  controlLines: readonly ControlLineShape[];
}

/**
 * The import review's new conflicts: projects the import puts into a red line or basic farmland,
 * or outside the urban development boundary, or further in than the saved version — seen before
 * pressing Save. Nothing when the import brings none.
 */
export function ImportNewConflicts({ definition, saved, candidate, controlLines }: ImportNewConflictsProps) {
  const t = useTranslation();
  const found = useMemo(() => newControlConflicts(saved, candidate, controlLinesFor(definition.id, controlLines)), [saved, candidate, controlLines, definition]);
  if (found.length === 0) return null;
  return (
    <div className="import-new-conflicts" role="alert">
      <h4>{t('importNewConflicts')}</h4>
      <ul className="conflict-list">
        {found.map(({ featureId, name, conflict, before }) => {
          const line = controlLines.find((shape) => shape.definition.id === conflict.controlLineId)?.definition;
          return (
            <li key={`${featureId}/${conflict.controlLineId}`} data-feature-id={featureId} data-control-line-id={conflict.controlLineId}>
              <code>{featureId}</code> {name} · <strong>{line ? t.text(line.name) : conflict.controlLineId}</strong>
              <span className="muted"> · {t(before ? 'importConflictGrown' : 'importConflictNew')}</span>
              <br />
              {before && <span className="muted">{conflictMeasureText(definition.unit, before, t.locale)} → </span>}
              {conflictMeasureText(definition.unit, conflict, t.locale)}
              <span className="muted"> · {t('controlConflictShare')} {formatPercent(conflict.share * 100, t.locale)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
