/** An admin may do all an editor may, and also change the plan itself (layers.json). */
export type Role = 'admin' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer'];

/** Whether the role may save layers. */
export function mayEdit(role: Role): boolean {
  return role === 'editor' || role === 'admin';
}

import type { EditScope } from '../../domain/access/editScope';

export interface Account {
  username: string;
  role: Role;
  /** See passwordHash.ts. */
  passwordHash: string;
  /** ISO 8601. */
  created: string;
  /** What the account may edit (src/domain/access/editScope.ts); left out, everything its role allows. */
  scope?: EditScope;
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

const isNameList = (value: unknown): boolean => Array.isArray(value) && value.every((name) => typeof name === 'string' && name !== '');

/** A scope that cannot be read fails the account rather than leaving it unrestricted. */
function isScope(value: unknown): value is EditScope {
  if (typeof value !== 'object' || value === null) return false;
  const { subDistricts, layers } = value as Record<string, unknown>;
  return (subDistricts === undefined || isNameList(subDistricts)) && (layers === undefined || isNameList(layers));
}

export function isAccount(value: unknown): value is Account {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Partial<Account>;
  return typeof account.username === 'string' && typeof account.passwordHash === 'string' && isRole(account.role) && (account.scope === undefined || isScope(account.scope));
}
