import { accountsFileIn } from '../../data/accounts/accountsFile';
import { databaseAccountBook } from '../../data/postgres/databaseAccountBook';
import type { PlanDatabase } from '../../data/postgres/planDatabase';
import { AccountDirectory } from '../auth/accountDirectory';
import type { AccountSource } from '../auth/accountSource';
import { LoginGate } from '../auth/loginGate';
import { MemorySessionStore } from '../auth/memorySessionStore';
import type { SessionStore } from '../auth/sessionStore';
import { PostgresLoginLedger } from '../postgres/postgresLoginLedger';
import { PostgresSessionStore } from '../postgres/postgresSessionStore';
import type { ApiSettings } from './apiContext';

export interface AuthStores {
  accounts: AccountSource;
  sessions: SessionStore;
  loginGate: LoginGate;
}

/**
 * Who may sign in, who is signed in, and how sign-ins are throttled: the state folder's
 * accounts.json and this process's memory in file mode; in database mode all three in the
 * district's schema, so that any number of servers on the database act as one (docs/database-accounts.md).
 */
export function authStoresFor(settings: ApiSettings, database: PlanDatabase | undefined): AuthStores {
  if (!database)
    return { accounts: new AccountDirectory(accountsFileIn(settings.stateDirectory)), sessions: new MemorySessionStore(), loginGate: new LoginGate(settings.loginLimits) };
  return {
    accounts: databaseAccountBook(database),
    sessions: new PostgresSessionStore(database),
    loginGate: new LoginGate(settings.loginLimits, new PostgresLoginLedger(database, settings.loginLimits.checksPerMinute)),
  };
}
