import { useState, type FormEvent } from 'react';
import type { LayerDefinition, LocalizedText } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';
import { todayIsoDate } from '../../domain/dates/todayIsoDate';

interface StatusFormProps {
  definition: LayerDefinition;
  currentStatus?: string;
  onApply: (statusId: string, isoDate: string) => LocalizedText | undefined;
}

/** A status from the layer's lifecycle and the date it took effect, appended to the history. */
export function StatusForm({ definition, currentStatus, onApply }: StatusFormProps) {
  const t = useTranslation();
  const [statusId, setStatusId] = useState(currentStatus ?? definition.statuses[0]?.id ?? '');
  const [date, setDate] = useState(todayIsoDate);
  const [reason, setReason] = useState<LocalizedText | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReason(onApply(statusId, date));
  };
  return (
    <form className="status-form" onSubmit={submit}>
      <label>
        {t('status')}
        <select name="status" value={statusId} onChange={(event) => setStatusId(event.target.value)}>
          {definition.statuses.map((status) => <option key={status.id} value={status.id}>{t.text(status.label)}</option>)}
        </select>
      </label>
      <label>
        {t('statusDate')}
        <input name="date" type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
      </label>
      <button type="submit">{t('apply')}</button>
      {reason && <p className="form-error" role="alert">{t.text(reason)}</p>}
    </form>
  );
}
