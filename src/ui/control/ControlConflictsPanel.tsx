import { useMemo, useState } from 'react';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { ControlLineShape } from '../../domain/control/controlLineShape';
import { planConflicts } from '../../domain/control/planConflicts';
import { formatCount } from '../../domain/format/formatMeasure';
import type { FeatureRef } from '../../map/PlanMapController';
import { useTranslation } from '../LocaleContext';
import { ConflictAmount } from './FeatureControlConflicts';

interface ControlConflictsPanelProps {
  layers: readonly MeasuredLayer[];
  controlLines: readonly ControlLineShape[];
  /** Selects the project and flies to it. */
  onOpen: (feature: FeatureRef) => void;
}

/**
 * The conflicts view (冲突): every project that breaks a control line, grouped by line. Worked
 * out when opened, from the projects' own geometry once every layer's features are here, so the
 * figures are those of the details card and of `npm run stats -- --json`.
 */
export function ControlConflictsPanel({ layers, controlLines, onOpen }: ControlConflictsPanelProps) {
  const t = useTranslation();
  const [open, setOpen] = useState(false);
  const ready = layers.length > 0 && layers.every((layer) => layer.featuresLoaded);
  const conflicts = useMemo(() => (open && ready ? planConflicts(layers, controlLines) : null), [open, ready, layers, controlLines]);
  if (controlLines.length === 0) return null;
  const layerOf = (layerId: string) => layers.find((layer) => layer.definition.id === layerId);
  return (
    <section className="layer-stats control-conflicts" aria-label={t('controlConflicts')}>
      <button type="button" className="conflicts-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {t('controlConflictsShow')} <span className="muted">· {t('controlConflicts')}</span>
        {conflicts && <span className="conflict-count">{formatCount(new Set(conflicts.map((c) => `${c.layerId}/${c.featureId}`)).size, t.locale)}</span>}
      </button>
      {open && !conflicts && <p className="muted" role="status">{t('controlConflictsLoading')}</p>}
      {conflicts && conflicts.length === 0 && <p className="muted">{t('controlConflictsEmpty')}</p>}
      {conflicts && controlLines.map(({ definition }) => {
        const ofLine = conflicts.filter((conflict) => conflict.controlLineId === definition.id);
        if (ofLine.length === 0) return null;
        return (
          <div key={definition.id} className="conflict-group" data-control-line-id={definition.id}>
            <h3><span className="conflict-swatch" style={{ borderColor: definition.color }} aria-hidden="true" />{t.text(definition.name)} <span className="muted">{formatCount(ofLine.length, t.locale)}</span></h3>
            <ul className="conflict-list">
              {ofLine.map((conflict) => {
                const layer = layerOf(conflict.layerId);
                if (!layer) return null;
                return (
                  <li key={`${conflict.layerId}/${conflict.featureId}`}>
                    <button type="button" className="link-button conflict-project" data-feature-id={conflict.featureId}
                      onClick={() => onOpen({ layerId: conflict.layerId, featureId: conflict.featureId })}>
                      {conflict.name || conflict.featureId}
                    </button>
                    <span className="muted"> · {t.text(layer.definition.name)}</span>
                    <br />
                    <ConflictAmount layer={layer} conflict={conflict} />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
