import type { ReactNode } from 'react';
import type { LayerDefinition, LocalizedText } from '../../domain/plan/manifest';
import { fieldLabel } from '../../domain/validation/attributeProblemText';
import { useTranslation } from '../LocaleContext';

interface AttributeFieldsProps {
  definition: LayerDefinition;
  /** Which properties to show, in order: `name` or attributes of the manifest. */
  properties: readonly string[];
  texts: Readonly<Record<string, string>>;
  problems: ReadonlyMap<string, LocalizedText>;
  onChange: (property: string, text: string) => void;
  /** Ids of problem notes are `<idPrefix>-<property>`, for aria-describedby. */
  idPrefix: string;
  /** Words under a field, e.g. where a filled-in value came from. */
  hints?: Readonly<Record<string, ReactNode>>;
  /** Values offered for a free-text field while typing, e.g. the sub-districts. */
  suggestions?: Readonly<Record<string, readonly string[]>>;
  autoFocus?: string;
}

/**
 * Text fields and value menus for a feature's name and attributes, labelled as the manifest
 * labels them, each with its problem (from the layer's rules) under it and marked invalid.
 */
export function AttributeFields({ definition, properties, texts, problems, onChange, idPrefix, hints = {}, suggestions = {}, autoFocus }: AttributeFieldsProps) {
  const t = useTranslation();
  return properties.map((property) => {
    const problem = problems.get(property);
    const problemId = `${idPrefix}-${property}`;
    const values = definition.attributes?.find((attribute) => attribute.property === property)?.values;
    const offered = suggestions[property];
    const fieldProps = {
      name: property,
      value: texts[property] ?? '',
      autoFocus: autoFocus === property,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? problemId : undefined,
    };
    return (
      <label key={property}>
        {t.text(fieldLabel(property, definition))}
        {values ? (
          <select {...fieldProps} onChange={(event) => onChange(property, event.target.value)}>
            <option value="">{t('notSet')}</option>
            {Object.entries(values).map(([value, label]) => <option key={value} value={value}>{t.text(label)}</option>)}
          </select>
        ) : (
          <input {...fieldProps} list={offered ? `${problemId}-options` : undefined} onChange={(event) => onChange(property, event.target.value)} />
        )}
        {offered && <datalist id={`${problemId}-options`}>{offered.map((value) => <option key={value} value={value} />)}</datalist>}
        {problem && <span className="field-problem" id={problemId} role="alert">{t.text(problem)}</span>}
        {hints[property] !== undefined && <span className="field-hint">{hints[property]}</span>}
      </label>
    );
  });
}
