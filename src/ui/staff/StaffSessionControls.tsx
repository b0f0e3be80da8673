import { useCallback, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../LocaleContext';
import { LoginDialog } from './LoginDialog';
import { SignOutConfirm } from './SignOutConfirm';
import type { StaffSession } from './useStaffSession';

interface StaffSessionControlsProps {
  staff: StaffSession;
  hasUnsavedEdits?: boolean;
  /** Opens the plan settings; offered to admins. */
  onOpenAdmin?: () => void;
}

/** Sign-in in the top bar, or who is signed in, the plan settings for admins, and a way out (asking first when edits are unsaved). */
export function StaffSessionControls({ staff, hasUnsavedEdits = false, onOpenAdmin }: StaffSessionControlsProps) {
  const t = useTranslation();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const cancelSignOut = useCallback(() => setConfirming(false), []);
  if (staff.session.user) {
    const signOut = () => {
      setConfirming(false);
      void staff.logout();
    };
    return (
      <span className="staff-session">
        <span className="staff-user" title={t('signedInAs')}>{staff.session.user}</span>
        {staff.isAdmin && onOpenAdmin && <button type="button" className="button-quiet open-admin" onClick={onOpenAdmin}>{t('adminOpen')}</button>}
        <button type="button" className="button-quiet sign-out" onClick={() => (hasUnsavedEdits ? setConfirming(true) : signOut())}>{t('signOut')}</button>
        {confirming && <SignOutConfirm onConfirm={signOut} onCancel={cancelSignOut} />}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="button-quiet sign-in" onClick={() => setOpen(true)}>{t('signIn')}</button>
      {/* On the body, not in the top bar: the bar's white text and stacking context would reach into the dialog. */}
      {open && createPortal(<LoginDialog onLogin={staff.login} onClose={close} />, document.body)}
    </>
  );
}
