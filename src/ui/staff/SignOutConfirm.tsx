import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../LocaleContext';
import { useModalFocus } from '../useModalFocus';

/**
 * Asked before signing out with unsaved edits: they stay as this user's draft, offered at the next
 * sign-in. Rendered on the document body, not in the top bar that opened it, so it takes the page's
 * own colours and its backdrop dims every panel (the top bar's stacking context would trap it).
 */
export function SignOutConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslation();
  const dialogRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const textId = useId();
  // Cancel comes first, so it takes the focus: staying signed in is the safe default of Enter.
  useModalFocus(dialogRef, onCancel);
  return createPortal(
    <div className="dialog-backdrop">
      <section ref={dialogRef} tabIndex={-1} className="dialog sign-out-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId}>{t('signOutUnsavedTitle')}</h2>
        <p id={textId}>{t('signOutUnsavedText')}</p>
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onCancel}>{t('cancel')}</button>
          <button type="button" className="confirm-sign-out" onClick={onConfirm}>{t('signOutAnyway')}</button>
        </div>
      </section>
    </div>,
    document.body,
  );
}
