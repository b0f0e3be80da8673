import { useId, useRef, useState } from 'react';
import { conflictChanges } from '../../domain/edits/conflictChanges';
import type { ConflictChoice } from '../../domain/edits/resolveConflicts';
import { formatLocalDateTime } from '../../domain/format/formatLocalDateTime';
import type { LocalizedText, Manifest } from '../../domain/plan/manifest';
import type { LayerVersion } from '../../domain/versions/layerVersion';
import type { PlanMapApi } from '../../data/planMapApi';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { useModalFocus } from '../useModalFocus';
import { DiffSummary } from './DiffSummary';
import type { PendingConflict, StaffEditing } from './useStaffEditing';
import { useServerVersion } from './useServerVersion';

/** The layer's Save button in the edit bar, where focus belongs once the conflict is closed. */
function saveButtonOf(layerId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.edit-layer[data-layer-id="${CSS.escape(layerId)}"] button.save-layer`);
}

function ServerAuthor({ version }: { version: LayerVersion | undefined }) {
  const t = useTranslation();
  if (!version) return null;
  const time = formatLocalDateTime(version.time);
  const text = version.user === null || version.summary.origin === 'disk'
    ? fillMessage(t('conflictChangedOnDisk'), { time })
    : fillMessage(t(version.summary.origin === 'restore' ? 'conflictRestoredBy' : 'conflictSavedBy'), { user: version.user, time });
  return <p className="conflict-author">{text}</p>;
}

/**
 * Each feature both sides changed: who changed the server copy and when, what they did, what the
 * user did, and which to keep. Modal: Esc or Cancel closes it with the user's edits kept unsaved.
 */
export function ConflictDialog({ manifest, conflict, editing, api }: { manifest: Manifest; conflict: PendingConflict; editing: StaffEditing; api?: PlanMapApi }) {
  const t = useTranslation();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [reason, setReason] = useState<LocalizedText | undefined>();
  const dialogRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const helpId = useId();
  const serverVersion = useServerVersion(api, conflict.layerId, conflict.etag);
  useModalFocus(dialogRef, editing.dismissConflict, () => saveButtonOf(conflict.layerId));
  const definition = manifest.layers.find((layer) => layer.id === conflict.layerId);
  if (!definition) return null;
  const choose = (featureId: string, choice: ConflictChoice) => setChoices((current) => ({ ...current, [featureId]: choice }));
  return (
    <div className="dialog-backdrop">
      <section ref={dialogRef} tabIndex={-1} className="dialog conflict-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={helpId}>
        <h2 id={titleId}>{t('conflictTitle')} · {t.text(definition.name)}</h2>
        <div id={helpId}>
          <ServerAuthor version={serverVersion} />
          <p>{t(conflict.rebased.appliedIds.length > 0 ? 'conflictHelp' : 'conflictHelpOnlyConflicts')}</p>
        </div>
        <ul className="conflict-list">
          {conflict.rebased.conflicts.map((item) => {
            const changes = conflictChanges(definition, item);
            const name = (item.ours ?? item.theirs ?? item.base)?.properties.name ?? item.featureId;
            const options: ConflictChoice[] = item.merged ? ['ours', 'theirs', 'merged'] : ['ours', 'theirs'];
            return (
              <li key={item.featureId} className="conflict-item" data-feature-id={item.featureId}>
                <h3>{name} <code>{item.featureId}</code></h3>
                <div className="conflict-sides">
                  <div className="conflict-theirs"><h4>{t('onServer')}</h4><DiffSummary definition={definition} diff={changes.onServer} /></div>
                  <div className="conflict-ours"><h4>{t('yourChange')}</h4><DiffSummary definition={definition} diff={changes.ours} /></div>
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
          <button type="button" className="cancel-conflict" onClick={editing.dismissConflict}>{t('conflictCancel')}</button>
          <button type="button" className="save-again" onClick={() => setReason(editing.resolve(choices))}>{t('saveAgain')}</button>
        </div>
      </section>
    </div>
  );
}
