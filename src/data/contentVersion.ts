import { createHash } from 'node:crypto';

/**
 * A layer's version is a hash of its bytes, so an edit made on disk (QGIS, a text editor)
 * is a new version as surely as a save through the API, and no counter has to be kept in sync.
 * 27 base64url characters keep 160 bits of SHA-256.
 */
export function contentVersionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
}

export function etagOf(version: string): string {
  return `"${version}"`;
}

const VERSION_PATTERN = /^[A-Za-z0-9_-]{27}$/;

/** True for strings shaped like a version: anything else in a URL is not looked up at all. */
export function isVersionString(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

/**
 * The versions an If-Match header names. `*` is answered as missing: it would match any
 * version and turn a conditional save into a blind overwrite. Weak tags never match (RFC 9110 §13.1.1).
 */
export function versionsInIfMatch(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((tag) => tag.trim())
    .flatMap((tag) => {
      const match = /^"([^"]*)"$/.exec(tag);
      return match?.[1] ? [match[1]] : [];
    });
}
