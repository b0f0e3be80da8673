import { useMemo, useState, type FormEvent } from 'react';
import { attributeValueFromText } from '../../domain/edits/attributeSchemaCheck';
import type { AttributeCheck } from '../../domain/edits/attributeSchemaCheck';
import type { LayerDefinition, LocalizedText } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';
import { useTranslation } from '../LocaleContext';
import { AttributeFields } from './AttributeFields';
import { useAttributeRules } from './useAttributeRules';

interface AttributeFormProps {
  definition: LayerDefinition;
  feature: PlanFeature;
  /** `check` is the schema check the form used, for the edit to apply again. */
  onApply: (patch: Record<string, unknown>, check?: AttributeCheck) => LocalizedText | undefined;
}

const NO_ATTRIBUTES: NonNullable<LayerDefinition['attributes']> = [];

function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * The name and the manifest's attributes, each checked while typed by the rules the server
 * saves with (the layer's JSON Schema), its problem shown under it; a form with problems is not
 * applied. A cleared field removes the attribute; numbers are stored as numbers where the schema
 * wants them.
 */
export function AttributeForm({ definition, feature, onApply }: AttributeFormProps) {
  const t = useTranslation();
  const rulesState = useAttributeRules(definition);
  const rules = rulesState.status === 'ready' ? rulesState.rules : undefined;
  const [reason, setReason] = useState<LocalizedText | 'fix-fields' | undefined>();
  // One empty list for every render, so the memos below do not recompute for a layer without attributes.
  const attributes = definition.attributes ?? NO_ATTRIBUTES;
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries([
    ['name', fieldText(feature.properties.name)],
    ...attributes.map((attribute) => [attribute.property, fieldText(feature.properties[attribute.property])]),
  ]));
  const patch = useMemo(() => {
    const values: Record<string, unknown> = { name: texts.name ?? '' };
    for (const attribute of attributes)
      values[attribute.property] = attributeValueFromText(texts[attribute.property] ?? '', rules?.typesOf(attribute.property) ?? [], feature.properties[attribute.property]);
    return values;
  }, [texts, attributes, rules, feature]);
  const problems = useMemo(() => {
    if (!rules) return new Map<string, LocalizedText>();
    const properties = { ...feature.properties };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete properties[key];
      else properties[key] = value;
    }
    return rules.check({ ...feature, properties });
  }, [rules, patch, feature]);
  const hasProblems = Object.keys(patch).some((property) => problems.has(property));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setReason(hasProblems ? 'fix-fields' : onApply(patch, rules?.check));
  };
  const change = (property: string, text: string) => setTexts((current) => ({ ...current, [property]: text }));
  return (
    <form className="attribute-form" onSubmit={submit} key={feature.id} noValidate>
      <AttributeFields
        definition={definition}
        properties={['name', ...attributes.map((attribute) => attribute.property)]}
        texts={texts}
        problems={problems}
        onChange={change}
        idPrefix="field-problem"
      />
      <button type="submit">{t('apply')}</button>
      {reason && <p className="form-error" role="alert">{reason === 'fix-fields' ? t('attributeFormHasProblems') : t.text(reason)}</p>}
    </form>
  );
}
