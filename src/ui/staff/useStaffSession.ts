import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LocalizedText } from '../../domain/plan/manifest';
import { PlanMapApi, type Session } from '../../data/planMapApi';

export interface StaffSession {
  api: PlanMapApi;
  session: Session;
  isEditor: boolean;
  /** Admins edit the layers too, and the plan itself. */
  isAdmin: boolean;
  login: (username: string, password: string) => Promise<LocalizedText | undefined>;
  logout: () => Promise<void>;
}

const ANONYMOUS: Session = { user: null, role: null, scope: null, csrfToken: null, readAccess: 'open' };

/**
 * Set once this browser has signed in. A read-only server has no /api/ and answers 404, which
 * the browser logs as an error: so only browsers that have signed in before ask for the session
 * on load (to pick up the cookie and the drafts after a reload); others ask when staff sign in.
 */
const SIGNED_IN_BEFORE_KEY = 'plan-map:signed-in-before';

function signedInBefore(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_BEFORE_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberSignIn(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_BEFORE_KEY, '1');
    else window.localStorage.removeItem(SIGNED_IN_BEFORE_KEY);
  } catch {
    // Without storage the session is asked for at the next sign-in instead.
  }
}

export function useStaffSession(): StaffSession {
  const api = useMemo(() => new PlanMapApi(document.baseURI), []);
  const [session, setSession] = useState<Session>(ANONYMOUS);
  useEffect(() => {
    if (!signedInBefore()) return;
    let live = true;
    void api.session().then((current) => { if (live && current) setSession(current); });
    return () => { live = false; };
  }, [api]);
  const login = useCallback(async (username: string, password: string) => {
    const result = await api.login(username, password).catch(() => undefined);
    if (!result) return { zh: '无法连接服务器', en: 'the server cannot be reached' };
    if (!result.ok) return result.status === 404 ? { zh: '此服务器未开启编辑功能', en: 'this server does not offer editing' } : result.message;
    rememberSignIn(true);
    setSession(result.session);
    return undefined;
  }, [api]);
  const logout = useCallback(async () => {
    await api.logout();
    rememberSignIn(false);
    setSession(ANONYMOUS);
  }, [api]);
  const isAdmin = session.role === 'admin' && session.csrfToken !== null;
  const isEditor = (session.role === 'editor' || isAdmin) && session.csrfToken !== null;
  return { api, session, isEditor, isAdmin, login, logout };
}
