import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Manifest } from '../../domain/plan/manifest';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { useModalFocus } from '../useModalFocus';
import type { PendingConfirmation } from './useStaffEditing';

/**
 * Shown when the server held a save back for its figures (a project larger than the district or
 * mostly outside it, a layer's total jumping): each figure as the server measured it, then a
 * choice. Going back is the default of Enter and Esc; the edits stay unsaved either way.
 */
export function SaveConfirmDialog({ manifest, pending, onConfirm, onCancel }: { manifest: Manifest; pending: PendingConfirmation; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslation();
  const dialogRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const textId = useId();
  useModalFocus(dialogRef, onCancel);
  const definition = manifest.layers.find((layer) => layer.id === pending.layerId);
  const layer = definition ? t.text(definition.name) : pending.layerId;
  return createPortal(
    <div className="dialog-backdrop">
      <section ref={dialogRef} tabIndex={-1} className="dialog save-confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId}>{t('saveConfirmTitle')}</h2>
        <p id={textId}>{fillMessage(t('saveConfirmHelp'), { layer })}</p>
        <ul className="save-confirm-figures">
          {pending.problems.map((problem, index) => <li key={`${problem.code}-${index}`} data-code={problem.code}>{t.text(problem.message)}</li>)}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="button-quiet cancel-save-confirm" onClick={onCancel}>{t('saveConfirmNo')}</button>
          <button type="button" className="confirm-save" onClick={onConfirm}>{t('saveConfirmYes')}</button>
        </div>
      </section>
    </div>,
    document.body,
  );
}
