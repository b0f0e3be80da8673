import { useMemo, useState, type FormEvent } from 'react';
import { nextFeatureId } from '../../domain/edits/nextFeatureId';
import { areaSquareMeters } from '../../domain/areaSquareMeters';
import { formatLayerMeasure } from '../../domain/formatMeasure';
import { lengthMeters } from '../../domain/lengthMeters';
import type { LocalizedText, Manifest } from '../../domain/manifest';
import type { PlanFeature } from '../../domain/planFeature';
import { useTranslation } from '../LocaleContext';
import { todayIsoDate } from '../todayIsoDate';
import { newFeatureProperties } from './newFeatureProperties';
import type { MapEditing } from './useMapEditing';
import type { StaffEditing } from './useStaffEditing';

interface NewFeatureFormProps {
  manifest: Manifest;
  editing: StaffEditing;
  mapEditing: MapEditing;
}

const NO_FEATURES: readonly PlanFeature[] = [];

/** A drawn shape's name, attributes and status, entered before it becomes a feature (addDrawnFeature checks them). */
export function NewFeatureForm({ manifest, editing, mapEditing }: NewFeatureFormProps) {
  const t = useTranslation();
  const [reason, setReason] = useState<LocalizedText | undefined>();
  const { tool } = mapEditing;
  const definition = tool.kind === 'describe' ? manifest.layers.find((layer) => layer.id === tool.layerId) : undefined;
  // The layer's working copy: the id the feature will get, and which attributes hold numbers.
  const features = (definition && editing.state.layers[definition.id]?.working.features) ?? NO_FEATURES;
  const id = useMemo(() => (definition ? nextFeatureId(features, definition) : ''), [features, definition]);
  if (tool.kind !== 'describe' || !definition) return null;
  const { geometry } = tool;
  const measure = formatLayerMeasure(definition.unit, areaSquareMeters(geometry), lengthMeters(geometry), t.locale);
  const onCancel = mapEditing.stop;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setReason(mapEditing.describe(newFeatureProperties(form, definition, features), String(form.get('status') ?? ''), String(form.get('date') ?? '')));
  };
  return (
    <section className="feature-details new-feature" aria-label={t('newFeatureTitle')} data-layer-id={definition.id}>
      <header>
        <span className="details-layer" style={{ borderColor: definition.color }}>{t.text(definition.name)}</span>
        <h2>{t('newFeatureTitle')}</h2>
        <button type="button" className="icon-button" onClick={onCancel} aria-label={t('cancel')}>×</button>
      </header>
      <dl className="details-summary">
        <dt>{t('id')}</dt>
        <dd><code className="new-feature-id">{id}</code></dd>
        <dt>{t(definition.geometry === 'line' ? 'length' : 'area')}</dt>
        <dd className="new-feature-measure">{measure}</dd>
      </dl>
      <form className="feature-editor new-feature-form" onSubmit={submit}>
        <label>{t('name')}<input name="name" required autoFocus /></label>
        <label>
          {t('status')}
          <select name="status" defaultValue={definition.statuses[0]?.id}>
            {definition.statuses.map((status) => <option key={status.id} value={status.id}>{t.text(status.label)}</option>)}
          </select>
        </label>
        <label>{t('statusDate')}<input name="date" type="date" required defaultValue={todayIsoDate()} /></label>
        {(definition.attributes ?? []).map((attribute) => (
          <label key={attribute.property}>
            {t.text(attribute.label)}
            {attribute.values ? (
              <select name={attribute.property} defaultValue="">
                <option value="">{t('notSet')}</option>
                {Object.entries(attribute.values).map(([value, label]) => <option key={value} value={value}>{t.text(label)}</option>)}
              </select>
            ) : (
              <input name={attribute.property} />
            )}
          </label>
        ))}
        <div className="edit-bar-row">
          <button type="submit" className="add-feature">{t('addFeature')}</button>
          <button type="button" className="button-quiet" onClick={onCancel}>{t('discard')}</button>
        </div>
        {reason && <p className="form-error" role="alert">{t.text(reason)}</p>}
      </form>
    </section>
  );
}
