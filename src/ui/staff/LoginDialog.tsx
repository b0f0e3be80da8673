import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LocalizedText } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';

interface LoginDialogProps {
  onLogin: (username: string, password: string) => Promise<LocalizedText | undefined>;
  onClose: () => void;
}

/** A modal form; Esc or Cancel closes it and gives focus back to the page. */
export function LoginDialog({ onLogin, onClose }: LoginDialogProps) {
  const t = useTranslation();
  const [error, setError] = useState<LocalizedText | undefined>();
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    userRef.current?.focus();
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    void onLogin(String(form.get('username') ?? ''), String(form.get('password') ?? '')).then((problem) => {
      setBusy(false);
      if (problem) setError(problem);
      else onClose();
    });
  };
  return (
    <div className="dialog-backdrop">
      <form className="dialog login-dialog" role="dialog" aria-modal="true" aria-labelledby="login-title" onSubmit={submit}>
        <h2 id="login-title">{t('signInTitle')}</h2>
        <label>{t('username')}<input ref={userRef} name="username" autoComplete="username" required /></label>
        <label>{t('password')}<input name="password" type="password" autoComplete="current-password" required /></label>
        {error && <p className="form-error" role="alert">{t.text(error)}</p>}
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" disabled={busy}>{t('signIn')}</button>
        </div>
      </form>
    </div>
  );
}
