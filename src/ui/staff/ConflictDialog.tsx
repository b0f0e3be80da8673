import { useState } from 'react';
import { conflictChanges } from '../../domain/edits/conflictChanges';
import type { ConflictChoice } from '../../domain/edits/resolveConflicts';
import type { LocalizedText, Manifest } from '../../domain/manifest';
import { useTranslation } from '../LocaleContext';
import { DiffSummary } from './DiffSummary';
import type { PendingConflict, StaffEditing } from './useStaffEditing';

/** Each feature both sides changed: what the server did, what the user did, and which to keep. */
export function ConflictDialog({ manifest, conflict, editing }: { manifest: Manifest; conflict: PendingConflict; editing: StaffEditing }) {
  const t = useTranslation();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [reason, setReason] = useState<LocalizedText | undefined>();
  const definition = manifest.layers.find((layer) => layer.id === conflict.layerId);
  if (!definition) return null;
  const choose = (featureId: string, choice: ConflictChoice) => setChoices((current) => ({ ...current, [featureId]: choice }));
  return (
    <div className="dialog-backdrop">
      <section className="dialog conflict-dialog" role="dialog" aria-modal="true" aria-labelledby="conflict-title">
        <h2 id="conflict-title">{t('conflictTitle')} · {t.text(definition.name)}</h2>
        <p>{t('conflictHelp')}</p>
        <ul className="conflict-list">
          {conflict.rebased.conflicts.map((item) => {
            const changes = conflictChanges(definition, item);
            const name = (item.ours ?? item.theirs ?? item.base)?.properties.name ?? item.featureId;
            const options: ConflictChoice[] = item.merged ? ['ours', 'theirs', 'merged'] : ['ours', 'theirs'];
            return (
              <li key={item.featureId} className="conflict-item" data-feature-id={item.featureId}>
                <h3>{name} <code>{item.featureId}</code></h3>
                <div className="conflict-sides">
                  <div><h4>{t('onServer')}</h4><DiffSummary diff={changes.onServer} /></div>
                  <div><h4>{t('yourChange')}</h4><DiffSummary diff={changes.ours} /></div>
                </div>
                <fieldset>
                  {options.map((option) => (
                    <label key={option}>
                      <input type="radio" name={`choice-${item.featureId}`} value={option} checked={choices[item.featureId] === option} onChange={() => choose(item.featureId, option)} />
                      {t(option === 'ours' ? 'keepOurs' : option === 'theirs' ? 'keepTheirs' : 'keepMerged')}
                    </label>
                  ))}
                </fieldset>
              </li>
            );
          })}
        </ul>
        {reason && <p className="form-error" role="alert">{t.text(reason)}</p>}
        <div className="dialog-actions">
          <button type="button" className="save-again" onClick={() => setReason(editing.resolve(choices))}>{t('saveAgain')}</button>
        </div>
      </section>
    </div>
  );
}
