import { createHash } from 'node:crypto';
import type { Account } from '../../data/accounts/account';

/**
 * What a session was granted against: the password hash (a new password, or removing and adding
 * the account again, gives a new salt and so a new hash) and the role. A session whose
 * fingerprint no longer matches the account as stored now (accounts.json, or the database) has ended.
 */
export function credentialFingerprint(account: Account): string {
  return createHash('sha256').update(`${account.username}\u0000${account.role}\u0000${account.passwordHash}`).digest('base64url');
}
