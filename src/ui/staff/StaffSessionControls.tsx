import { useCallback, useState } from 'react';
import { useTranslation } from '../LocaleContext';
import { LoginDialog } from './LoginDialog';
import type { StaffSession } from './useStaffSession';

/** Sign-in in the top bar, or who is signed in and a way out. */
export function StaffSessionControls({ staff }: { staff: StaffSession }) {
  const t = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if (staff.session.user) {
    return (
      <span className="staff-session">
        <span className="staff-user" title={t('signedInAs')}>{staff.session.user}</span>
        <button type="button" className="button-quiet sign-out" onClick={() => void staff.logout()}>{t('signOut')}</button>
      </span>
    );
  }
  return (
    <>
      <button type="button" className="button-quiet sign-in" onClick={() => setOpen(true)}>{t('signIn')}</button>
      {open && <LoginDialog onLogin={staff.login} onClose={close} />}
    </>
  );
}
