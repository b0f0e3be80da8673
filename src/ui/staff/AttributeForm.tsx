import { useState, type FormEvent } from 'react';
import type { LayerDefinition, LocalizedText } from '../../domain/manifest';
import type { PlanFeature } from '../../domain/planFeature';
import { useTranslation } from '../LocaleContext';

interface AttributeFormProps {
  definition: LayerDefinition;
  feature: PlanFeature;
  onApply: (patch: Record<string, unknown>) => LocalizedText | undefined;
}

function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A cleared field removes the attribute; a field that held a number keeps numbers. */
function patchValue(text: string, original: unknown): unknown {
  if (text.trim() === '') return undefined;
  if (typeof original === 'number') return Number(text);
  return text;
}

/** The name and the manifest's attributes; changeAttributes decides what is acceptable. */
export function AttributeForm({ definition, feature, onApply }: AttributeFormProps) {
  const t = useTranslation();
  const [reason, setReason] = useState<LocalizedText | undefined>();
  const attributes = definition.attributes ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const patch: Record<string, unknown> = { name: String(form.get('name') ?? '') };
    for (const attribute of attributes) patch[attribute.property] = patchValue(String(form.get(attribute.property) ?? ''), feature.properties[attribute.property]);
    setReason(onApply(patch));
  };
  return (
    <form className="attribute-form" onSubmit={submit} key={feature.id}>
      <label>{t('name')}<input name="name" defaultValue={feature.properties.name} /></label>
      {attributes.map((attribute) => (
        <label key={attribute.property}>
          {t.text(attribute.label)}
          {attribute.values ? (
            <select name={attribute.property} defaultValue={fieldText(feature.properties[attribute.property])}>
              <option value="">{t('notSet')}</option>
              {Object.entries(attribute.values).map(([value, label]) => <option key={value} value={value}>{t.text(label)}</option>)}
            </select>
          ) : (
            <input name={attribute.property} defaultValue={fieldText(feature.properties[attribute.property])} />
          )}
        </label>
      ))}
      <button type="submit">{t('apply')}</button>
      {reason && <p className="form-error" role="alert">{t.text(reason)}</p>}
    </form>
  );
}
