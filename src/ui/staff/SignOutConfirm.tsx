import { useEffect, useRef } from 'react';
import { useTranslation } from '../LocaleContext';

/** Asked before signing out with unsaved edits: they stay as this user's draft, offered at the next sign-in. */
export function SignOutConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslation();
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    // Staying signed in is the safe default of Enter.
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') onCancel(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog sign-out-dialog" role="alertdialog" aria-modal="true" aria-labelledby="sign-out-title" aria-describedby="sign-out-text">
        <h2 id="sign-out-title">{t('signOutUnsavedTitle')}</h2>
        <p id="sign-out-text">{t('signOutUnsavedText')}</p>
        <div className="dialog-actions">
          <button type="button" ref={cancelRef} className="button-quiet" onClick={onCancel}>{t('cancel')}</button>
          <button type="button" className="confirm-sign-out" onClick={onConfirm}>{t('signOutAnyway')}</button>
        </div>
      </div>
    </div>
  );
}
