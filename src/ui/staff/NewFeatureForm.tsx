import { useMemo, useState, type FormEvent } from 'react';
import { nextFeatureId } from '../../domain/edits/nextFeatureId';
import { formatFeatureMeasure } from '../../domain/format/formatFeatureMeasure';
import type { LayerDefinition, LocalizedText, Manifest } from '../../domain/plan/manifest';
import type { NewFeatureProperties } from '../../domain/edits/addFeature';
import type { FeatureToCheck } from '../../domain/edits/attributeSchemaCheck';
import type { PlanFeature, PlanGeometry } from '../../domain/plan/planFeature';
import { fieldLabel } from '../../domain/validation/attributeProblemText';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { todayIsoDate } from '../../domain/dates/todayIsoDate';
import { AttributeFields } from './AttributeFields';
import { newFeatureProperties } from './newFeatureProperties';
import { useAttributeRules } from './useAttributeRules';
import type { MapEditing } from './useMapEditing';
import { useStreetSuggestion } from './useStreetSuggestion';
import type { StaffEditing } from './useStaffEditing';

interface NewFeatureFormProps {
  manifest: Manifest;
  editing: StaffEditing;
  mapEditing: MapEditing;
}

const NO_FEATURES: readonly PlanFeature[] = [];
const NO_TYPES = (): string[] => [];
const NO_PROBLEMS: ReadonlyMap<string, LocalizedText> = new Map();
const PROBLEM_ID = 'new-field-problem';
/** The status and its date are checked as the feature's `status` and the first entry of its `history`. */
const DATE_PROPERTY = 'history';

/** A drawn shape's name, status and attributes, entered before it becomes a feature. */
export function NewFeatureForm({ manifest, editing, mapEditing }: NewFeatureFormProps) {
  const { tool } = mapEditing;
  const definition = tool.kind === 'describe' ? manifest.layers.find((layer) => layer.id === tool.layerId) : undefined;
  if (tool.kind !== 'describe' || !definition) return null;
  const features = editing.state.layers[definition.id]?.working.features ?? NO_FEATURES;
  return <NewFeatureCard definition={definition} geometry={tool.geometry} features={features} mapEditing={mapEditing} />;
}

interface NewFeatureCardProps {
  definition: LayerDefinition;
  geometry: PlanGeometry;
  /** The layer's working copy: the id the feature will get, and which attributes hold numbers. */
  features: readonly PlanFeature[];
  mapEditing: MapEditing;
}

/**
 * The form checks the feature it would add by the rules the server saves with (the layer's JSON
 * Schema and lifecycle, attributeSchemaCheck): each missing or wrong field is marked, and 添加
 * waits, saying which fields, until none is. 街道 starts as the sub-district the shape lies in.
 */
function NewFeatureCard({ definition, geometry, features, mapEditing }: NewFeatureCardProps) {
  const t = useTranslation();
  const rulesState = useAttributeRules(definition);
  const rules = rulesState.status === 'ready' ? rulesState.rules : undefined;
  const street = useStreetSuggestion(geometry);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [statusId, setStatusId] = useState(definition.statuses[0]?.id ?? '');
  const [isoDate, setIsoDate] = useState(todayIsoDate);
  const [reason, setReason] = useState<LocalizedText | undefined>();
  const id = useMemo(() => nextFeatureId(features, definition), [features, definition]);
  const hasStreet = (definition.attributes ?? []).some((attribute) => attribute.property === 'street');
  const suggestedStreet = street.status === 'found' && hasStreet ? street.street : undefined;
  // Until the user types in it, 街道 follows the suggestion (which arrives with the boundaries).
  const shownTexts = useMemo(() => (texts.street === undefined && suggestedStreet ? { ...texts, street: suggestedStreet } : texts), [texts, suggestedStreet]);
  const properties = useMemo(() => newFeatureProperties(shownTexts, definition, features, rules?.typesOf ?? NO_TYPES), [shownTexts, definition, features, rules]);
  const problems = useMemo(() => (rules ? rules.check(featureToCheck(id, geometry, properties, statusId, isoDate)) : NO_PROBLEMS), [rules, id, geometry, properties, statusId, isoDate]);

  const attributeProperties = (definition.attributes ?? []).map((attribute) => attribute.property);
  const formOrder = ['name', 'status', DATE_PROPERTY, ...attributeProperties];
  const problemFields = [...problems.keys()].sort((a, b) => rank(formOrder, a) - rank(formOrder, b));
  const labelOf = (property: string) => (property === DATE_PROPERTY ? t('statusDate') : t.text(fieldLabel(property, definition)));
  const blocked = rulesState.status === 'loading'
    ? t('newFeatureRulesLoading')
    : problemFields.length > 0 ? fillMessage(t('newFeatureFixFields'), { fields: problemFields.map(labelOf).join(t.locale === 'zh' ? '、' : ', ') }) : undefined;
  const streetHint = !hasStreet ? undefined
    : street.status === 'outside' ? t('newFeatureStreetOutside')
      : suggestedStreet !== undefined && shownTexts.street === suggestedStreet ? t('newFeatureStreetFromShape') : undefined;

  const measure = formatFeatureMeasure(definition, geometry, t.locale);
  const change = (property: string, text: string) => setTexts((current) => ({ ...current, [property]: text }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (blocked === undefined) setReason(mapEditing.describe(properties, statusId, isoDate, rules?.check));
  };
  const problemNote = (property: string) => {
    const problem = problems.get(property);
    return problem ? <span className="field-problem" id={`${PROBLEM_ID}-${property}`} role="alert">{t.text(problem)}</span> : null;
  };
  const invalidProps = (property: string) => (problems.has(property) ? { 'aria-invalid': true, 'aria-describedby': `${PROBLEM_ID}-${property}` } : {});
  return (
    <section className="feature-details new-feature" aria-label={t('newFeatureTitle')} data-layer-id={definition.id}>
      <header>
        <span className="details-layer" style={{ borderColor: definition.color }}>{t.text(definition.name)}</span>
        <h2>{t('newFeatureTitle')}</h2>
        <button type="button" className="icon-button" onClick={mapEditing.stop} aria-label={t('cancel')}>×</button>
      </header>
      <dl className="details-summary">
        <dt>{t('id')}</dt>
        <dd><code className="new-feature-id">{id}</code></dd>
        <dt>{t(definition.geometry === 'line' ? 'length' : definition.geometry === 'point' ? 'position' : 'area')}</dt>
        <dd className="new-feature-measure">{measure}</dd>
      </dl>
      <form className="feature-editor new-feature-form" onSubmit={submit} noValidate>
        <AttributeFields definition={definition} properties={['name']} texts={shownTexts} problems={problems} onChange={change} idPrefix={PROBLEM_ID} autoFocus="name" />
        <label>
          {t('status')}
          <select name="status" value={statusId} onChange={(event) => setStatusId(event.target.value)} {...invalidProps('status')}>
            {definition.statuses.map((status) => <option key={status.id} value={status.id}>{t.text(status.label)}</option>)}
          </select>
          {problemNote('status')}
        </label>
        <label>
          {t('statusDate')}
          <input name="date" type="date" value={isoDate} onChange={(event) => setIsoDate(event.target.value)} {...invalidProps(DATE_PROPERTY)} />
          {problemNote(DATE_PROPERTY)}
        </label>
        <AttributeFields
          definition={definition}
          properties={attributeProperties}
          texts={shownTexts}
          problems={problems}
          onChange={change}
          idPrefix={PROBLEM_ID}
          hints={streetHint === undefined ? {} : { street: streetHint }}
          suggestions={street.status === 'found' || street.status === 'outside' ? { street: street.streets } : {}}
        />
        <div className="edit-bar-row">
          <button type="submit" className="add-feature" disabled={blocked !== undefined} aria-describedby={blocked === undefined ? undefined : 'new-feature-blocked'}>{t('addFeature')}</button>
          <button type="button" className="button-quiet" onClick={mapEditing.stop}>{t('discard')}</button>
        </div>
        {blocked !== undefined && <p className="muted new-feature-blocked" id="new-feature-blocked" role="status">{blocked}</p>}
        {reason && <p className="form-error" role="alert">{t.text(reason)}</p>}
      </form>
    </section>
  );
}

/** The feature 添加 would make; a blank name or date is left out, so the rules call it missing rather than quote an empty text. */
function featureToCheck(id: string, geometry: PlanGeometry, properties: NewFeatureProperties, statusId: string, isoDate: string): FeatureToCheck {
  const { name, ...attributes } = properties;
  const history = [isoDate.trim() === '' ? { status: statusId } : { date: isoDate, status: statusId }];
  return { type: 'Feature', id, geometry, properties: { ...(name === '' ? {} : { name }), ...attributes, status: statusId, history } };
}

function rank(order: readonly string[], property: string): number {
  const at = order.indexOf(property);
  return at === -1 ? order.length : at;
}
