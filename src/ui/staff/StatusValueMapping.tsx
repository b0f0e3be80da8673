import type { LayerDefinition } from '../../domain/plan/manifest';
import type { SourceColumn } from '../../domain/import/sourceColumns';
import { useTranslation } from '../LocaleContext';

interface StatusValueMappingProps {
  definition: LayerDefinition;
  column: SourceColumn;
  statusValues: Record<string, string>;
  onChange: (statusValues: Record<string, string>) => void;
}

/** Each status written in the file (已拆除, 实施中…) and the lifecycle status it becomes. */
export function StatusValueMapping({ definition, column, statusValues, onChange }: StatusValueMappingProps) {
  const t = useTranslation();
  const choose = (value: string, statusId: string) => {
    const { [value]: _old, ...rest } = statusValues;
    onChange(statusId === '' ? rest : { ...rest, [value]: statusId });
  };
  return (
    <table className="attribute-table status-value-mapping" aria-label={t('mappingStatusValues')}>
      <tbody>
        {column.distinctValues.map((value) => (
          <tr key={value}>
            <th scope="row">{value}</th>
            <td>
              <select aria-label={`${t('status')} ${value}`} data-source-value={value} value={statusValues[value] ?? ''} onChange={(event) => choose(value, event.target.value)}>
                <option value="">{t('mappingDefaultStatusOption')}</option>
                {definition.statuses.map((status) => <option key={status.id} value={status.id}>{t.text(status.label)}</option>)}
              </select>
            </td>
          </tr>
        ))}
        {!column.allValuesListed && <tr><td colSpan={2} className="muted">{t('mappingMoreValues')}</td></tr>}
      </tbody>
    </table>
  );
}
