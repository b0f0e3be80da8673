import { useEffect, type ReactNode } from 'react';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { LayerDefinition } from '../domain/plan/manifest';
import { statusDate } from '../domain/progress/statusAsOf';
import { useTranslation } from './LocaleContext';
import { FeatureMeasure } from './FeatureMeasure';
import { AttributeTable } from './AttributeTable';
import type { ControlLineShape } from '../domain/control/controlLineShape';
import { FeatureControlConflicts } from './control/FeatureControlConflicts';

interface FeatureDetailsProps {
  layer: MeasuredLayer;
  featureIndex: number;
  onClose: () => void;
  onZoomTo: () => void;
  /** The edit forms, for editors only. */
  children?: ReactNode;
  /** The control lines the project is checked against (none: no conflicts section). */
  controlLines?: readonly ControlLineShape[];
}

/** The card's head: the layer, the project's name, and close. */
function DetailsHeader({ definition, name, onClose }: { definition: LayerDefinition; name: string; onClose: () => void }) {
  const t = useTranslation();
  return (
    <header>
      <span className="details-layer" style={{ borderColor: definition.color }}>{t.text(definition.name)}</span>
      <h2>{name}</h2>
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>×</button>
    </header>
  );
}

/** The clicked project: every value from the data is rendered as React text, never as HTML. */
export function FeatureDetails({ layer, featureIndex, onClose, onZoomTo, children, controlLines = [] }: FeatureDetailsProps) {
  const t = useTranslation();
  const { definition } = layer;
  const feature = layer.featureAt(featureIndex);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (!feature) {
    if (layer.featuresLoaded || !(featureIndex >= 0 && featureIndex < layer.featureCount)) return null;
    // Prepared by the server, the layer's features follow the map by a moment: name the project meanwhile.
    return (
      <section className="feature-details" aria-label={t('details')} aria-busy="true" data-feature-id={layer.idAt(featureIndex)}>
        <DetailsHeader definition={definition} name={layer.nameAt(featureIndex)} onClose={onClose} />
        <p className="muted" role="status">{t('featuresLoading')}</p>
        <button type="button" className="button-quiet zoom-to" onClick={onZoomTo}>{t('zoomTo')}</button>
      </section>
    );
  }
  const statusLabel = (statusId: string) => {
    const status = definition.statuses.find((candidate) => candidate.id === statusId);
    return status ? t.text(status.label) : statusId;
  };
  const statusColor = (statusId: string) => definition.statuses.find((candidate) => candidate.id === statusId)?.color ?? '#999';
  const { properties } = feature;
  return (
    <section className="feature-details" aria-label={t('details')} data-feature-id={feature.id}>
      <DetailsHeader definition={definition} name={properties.name} onClose={onClose} />
      <dl className="details-summary">
        <dt>{t('id')}</dt>
        <dd><code>{feature.id}</code></dd>
        <dt>{t('status')}</dt>
        <dd>
          <span className="status-chip" style={{ background: statusColor(properties.status) }} />
          {statusLabel(properties.status)}
          <span className="muted"> · {t('statusSince')} <time>{statusDate(properties) ?? '—'}</time></span>
        </dd>
        <FeatureMeasure layer={layer} featureIndex={featureIndex} />
      </dl>
      <button type="button" className="button-quiet zoom-to" onClick={onZoomTo}>{t('zoomTo')}</button>
      {children}
      <FeatureControlConflicts layer={layer} featureIndex={featureIndex} controlLines={controlLines} />
      <h3>{t('history')}</h3>
      <ol className="history">
        {properties.history.map((change, index) => (
          <li key={`${change.date}-${index}`}>
            <span className="status-chip" style={{ background: statusColor(change.status) }} />
            <time dateTime={change.date}>{change.date}</time>
            <span>{statusLabel(change.status)}</span>
          </li>
        ))}
      </ol>
      <h3>{t('attributes')}</h3>
      <AttributeTable definition={definition} properties={properties} />
    </section>
  );
}
