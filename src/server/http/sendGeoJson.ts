import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagOf } from '../../data/contentVersion';

/**
 * A layer or a stored version, as a download (docs/input-rules.md, G4): the GeoJSON media type, no
 * sniffing, and an attachment disposition so a crafted file never renders as a page.
 * `fileName` comes from a manifest id, never from the request.
 */
export function sendGeoJson(request: IncomingMessage, response: ServerResponse, bytes: Buffer, version: string, fileName: string, contentType = 'application/geo+json'): void {
  const etag = etagOf(version);
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('Content-Type', `${contentType}; charset=utf-8`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.statusCode = 200;
  response.setHeader('Content-Length', bytes.byteLength);
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
