import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf } from './contentTypes';
import { parseByteRange } from './http/parseByteRange';

/**
 * Sends a large file in the pieces asked for (RFC 9110 range requests), as a PMTiles reader reads
 * an archive: 206 with Content-Range for one satisfiable range, 416 with the size for a bad one,
 * 200 for the whole. The strong ETag comes from size and modification time, so a file replaced
 * on disk changes it: If-Range with an older tag gets the whole new file, not a piece of it, and
 * the reader notices the change. Returns false when there is no such file.
 */
export async function serveByteRanges(request: IncomingMessage, response: ServerResponse, filePath: string): Promise<boolean> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return false;
  const sizeBytes = info.size;
  const etag = `"${sizeBytes.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  response.setHeader('Accept-Ranges', 'bytes');
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('Content-Type', contentTypeOf(filePath));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  const rangeHeader = request.headers.range;
  const ifRange = request.headers['if-range'];
  // If-Range holds a tag (or a date, which a strong tag never equals): only the same version gets a piece.
  const asked = ifRange !== undefined && ifRange !== etag ? { kind: 'whole' as const } : parseByteRange(rangeHeader, sizeBytes);
  if (asked.kind === 'whole' && request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return true;
  }
  if (asked.kind === 'unsatisfiable') {
    response.statusCode = 416;
    response.setHeader('Content-Range', `bytes */${sizeBytes}`);
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end('请求的字节范围无效 / Range not satisfiable');
    return true;
  }
  const [firstByte, lastByte] = asked.kind === 'range' ? [asked.firstByte, asked.lastByte] : [0, sizeBytes - 1];
  response.statusCode = asked.kind === 'range' ? 206 : 200;
  if (asked.kind === 'range') response.setHeader('Content-Range', `bytes ${firstByte}-${lastByte}/${sizeBytes}`);
  response.setHeader('Content-Length', Math.max(0, lastByte - firstByte + 1));
  if (request.method === 'HEAD' || sizeBytes === 0) {
    response.end();
    return true;
  }
  await pipeline(createReadStream(filePath, { start: firstByte, end: lastByte }), response);
  return true;
}
