import { useState } from 'react';
import type { TableColumns } from '../../domain/import/tableColumns';
import { useTranslation } from '../LocaleContext';

interface ImportTableColumnsProps {
  headers: readonly string[];
  /** The columns the file was read with (guessed or chosen); undefined when none could be told. */
  columns: TableColumns | undefined;
  onChoose: (columns: TableColumns) => void;
}

/** Which columns of a CSV or Excel table hold the geometry: confirmed or changed by the user, then read again. */
export function ImportTableColumns({ headers, columns, onChoose }: ImportTableColumnsProps) {
  const t = useTranslation();
  const [draft, setDraft] = useState<TableColumns>(columns ?? { kind: 'xy', x: headers[0] ?? '', y: headers[1] ?? headers[0] ?? '' });
  const changed = columns === undefined || JSON.stringify(draft) !== JSON.stringify(columns);
  const select = (name: string, value: string, onChange: (value: string) => void) => (
    <select name={name} value={value} onChange={(event) => onChange(event.target.value)}>
      {headers.map((header) => <option key={header} value={header}>{header}</option>)}
    </select>
  );
  const first = headers[0] ?? '';
  return (
    <fieldset className="import-table-columns">
      <legend>{t('tableColumns')}</legend>
      <label>{t('tableGeometryKind')}
        <select
          name="table-kind"
          value={draft.kind}
          onChange={(event) => setDraft(event.target.value === 'wkt' ? { kind: 'wkt', wkt: first } : { kind: 'xy', x: first, y: headers[1] ?? first })}
        >
          <option value="xy">{t('tableKindXy')}</option>
          <option value="wkt">{t('tableKindWkt')}</option>
        </select>
      </label>
      {draft.kind === 'xy' ? (
        <>
          <label>{t('tableColumnX')}{select('table-x', draft.x, (x) => setDraft({ ...draft, x }))}</label>
          <label>{t('tableColumnY')}{select('table-y', draft.y, (y) => setDraft({ ...draft, y }))}</label>
        </>
      ) : (
        <label>{t('tableColumnWkt')}{select('table-wkt', draft.wkt, (wkt) => setDraft({ kind: 'wkt', wkt }))}</label>
      )}
      <p className="muted">{t('tableSurveyNote')}</p>
      <button type="button" className="apply-table-columns" disabled={!changed} onClick={() => onChoose(draft)}>{t('tableReread')}</button>
    </fieldset>
  );
}
