import { useMemo, useState } from 'react';
import { mappingTargets, type FieldMapping, type MappingTarget } from '../../domain/import/fieldMapping';
import type { SourceColumn } from '../../domain/import/sourceColumns';
import { suggestFieldMapping, suggestStatus } from '../../domain/import/suggestFieldMapping';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { MessageKey } from '../messages';
import { useTranslation } from '../LocaleContext';
import { fillMessage } from '../fillMessage';
import { todayIsoDate } from '../../domain/dates/todayIsoDate';
import { StatusValueMapping } from './StatusValueMapping';

const PLAN_FIELD_LABELS: Record<string, MessageKey> = { id: 'mappingFieldId', name: 'mappingFieldName', status: 'status', statusDate: 'statusDate', street: 'street' };

interface FieldMappingFormProps {
  definition: LayerDefinition;
  /** The layer's ids: a column is suggested as the id only when its values follow their pattern. */
  layerIds: readonly string[];
  columns: SourceColumn[];
  /** The file lacks plan fields: the step is open and says why until a mapping is applied. */
  needed: boolean;
  /** What the last applied mapping did, when one is applied. */
  summary: { generatedIdCount: number; defaultStatusCount: number } | undefined;
  onApply: (mapping: FieldMapping) => void;
}

/** The file's columns to the layer's fields, its status values to the lifecycle, defaults for the rest. */
export function FieldMappingForm({ definition, layerIds, columns, needed, summary, onApply }: FieldMappingFormProps) {
  const t = useTranslation();
  const [draft, setDraft] = useState(() => suggestFieldMapping(columns, definition, todayIsoDate(), layerIds));
  const targets = useMemo(() => mappingTargets(definition), [definition]);
  const statusColumn = columns.find((column) => column.name === draft.columns.status);
  const label = (target: MappingTarget) => (target.label ? t.text(target.label) : t(PLAN_FIELD_LABELS[target.key] ?? 'mappingFieldName'));

  const setColumn = (key: string, column: string) => setDraft((current) => {
    const { [key]: _old, ...rest } = current.columns;
    const next: FieldMapping = { ...current, columns: column === '' ? rest : { ...rest, [key]: column } };
    if (key !== 'status') return next;
    // A new status column brings its own values: suggest for them afresh.
    const values = columns.find((candidate) => candidate.name === column)?.distinctValues ?? [];
    next.statusValues = Object.fromEntries(values.flatMap((value) => {
      const status = suggestStatus(value, definition);
      return status ? [[value, status]] : [];
    }));
    return next;
  });
  const setDefaultValue = (key: string, value: string) => setDraft((current) => ({ ...current, defaultValues: { ...current.defaultValues, [key]: value } }));

  return (
    <details className="field-mapping" open={needed || undefined}>
      <summary>{t('mappingTitle')}</summary>
      {needed && !summary && <p className="mapping-needed">{t('mappingNeeded')}</p>}
      <table className="attribute-table mapping-columns">
        <tbody>
          {targets.map((target) => (
            <tr key={target.key}>
              <th scope="row">{label(target)}</th>
              <td>
                <select name={`map-${target.key}`} aria-label={label(target)} value={draft.columns[target.key] ?? ''} onChange={(event) => setColumn(target.key, event.target.value)}>
                  <option value="">{t('mappingNone')}</option>
                  {columns.map((column) => <option key={column.name} value={column.name}>{column.name}{column.distinctValues[0] ? ` (${column.distinctValues[0]})` : ''}</option>)}
                </select>
                {target.values && (
                  <select name={`default-${target.key}`} aria-label={`${label(target)} ${t('mappingDefaultValue')}`} value={draft.defaultValues[target.key] ?? ''} onChange={(event) => setDefaultValue(target.key, event.target.value)}>
                    <option value="">{t('mappingDefaultValue')}: —</option>
                    {Object.entries(target.values).map(([id, valueLabel]) => <option key={id} value={id}>{t('mappingDefaultValue')}: {t.text(valueLabel)}</option>)}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {statusColumn && (
        <>
          <h4>{t('mappingStatusValues')}</h4>
          <StatusValueMapping definition={definition} column={statusColumn} statusValues={draft.statusValues} onChange={(statusValues) => setDraft((current) => ({ ...current, statusValues }))} />
        </>
      )}
      <div className="mapping-defaults">
        <label>{t('mappingDefaultStatus')}
          <select name="default-status" value={draft.defaultStatus} onChange={(event) => setDraft((current) => ({ ...current, defaultStatus: event.target.value }))}>
            {definition.statuses.map((status) => <option key={status.id} value={status.id}>{t.text(status.label)}</option>)}
          </select>
        </label>
        <label>{t('mappingDefaultStatusDate')}
          <input name="default-status-date" type="date" required value={draft.defaultStatusDate} onChange={(event) => setDraft((current) => ({ ...current, defaultStatusDate: event.target.value }))} />
        </label>
        <label className="inline-check"><input type="checkbox" name="keep-other-columns" checked={draft.keepOtherColumns} onChange={(event) => setDraft((current) => ({ ...current, keepOtherColumns: event.target.checked }))} /> {t('mappingKeepOtherColumns')}</label>
      </div>
      <button type="button" className="apply-mapping" disabled={draft.defaultStatusDate === ''} onClick={() => onApply(draft)}>{t('mappingApply')}</button>
      {summary && (
        <p className="mapping-summary" role="status">
          {fillMessage(t('mappingApplied'), { generated: summary.generatedIdCount, defaulted: summary.defaultStatusCount })}
        </p>
      )}
    </details>
  );
}
