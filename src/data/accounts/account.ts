/** An admin may do all an editor may, and also change the plan itself (layers.json). */
export type Role = 'admin' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer'];

/** Whether the role may save layers. */
export function mayEdit(role: Role): boolean {
  return role === 'editor' || role === 'admin';
}

export interface Account {
  username: string;
  role: Role;
  /** See passwordHash.ts. */
  passwordHash: string;
  /** ISO 8601. */
  created: string;
}

export const MIN_PASSWORD_LENGTH = 8;

/** Letters (Chinese included), digits, dot, underscore, hyphen; no spaces or path characters. */
const USERNAME = /^[\p{L}\p{N}._-]{1,64}$/u;

export function isValidUsername(username: string): boolean {
  return USERNAME.test(username);
}

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

export function isAccount(value: unknown): value is Account {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Partial<Account>;
  return typeof account.username === 'string' && typeof account.passwordHash === 'string' && isRole(account.role);
}
