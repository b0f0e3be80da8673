import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf } from './contentTypes';
import { contentVersionOf, etagOf } from '../data/contentVersion';

/** Resolves a URL path inside a root folder, or null when it would escape it. */
export function resolveInside(rootDirectory: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const filePath = resolve(rootDirectory, '.' + (decoded.startsWith('/') ? decoded : `/${decoded}`));
  return filePath === rootDirectory || filePath.startsWith(rootDirectory + sep) ? filePath : null;
}

export interface ServeOptions {
  /** Hashed build assets never change: let browsers keep them. Data must be revalidated. */
  immutable: boolean;
}

/**
 * Sends a file with a content-hash ETag, answering 304 to a matching If-None-Match, so a reload
 * re-reads the geodata only when staff changed it on disk. Returns false when there is no such file.
 */
export async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  filePath: string,
  options: ServeOptions,
): Promise<boolean> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return false;
  const body = await readFile(filePath);
  // The same tag as the API's layer version, so a file read here can be saved through the API.
  sendVersioned(request, response, body, {
    etag: etagOf(contentVersionOf(body)),
    contentType: contentTypeOf(filePath),
    cacheControl: options.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  return true;
}

/** Sends a body under its ETag, or 304 when the client already has that version. */
export function sendVersioned(
  request: IncomingMessage,
  response: ServerResponse,
  body: Uint8Array,
  headers: { etag: string; contentType: string; cacheControl: string },
): void {
  response.setHeader('ETag', headers.etag);
  response.setHeader('Cache-Control', headers.cacheControl);
  response.setHeader('Content-Type', headers.contentType);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (request.headers['if-none-match'] === headers.etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.statusCode = 200;
  response.setHeader('Content-Length', body.byteLength);
  response.end(request.method === 'HEAD' ? undefined : body);
}
