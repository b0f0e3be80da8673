import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
  }
}

/**
 * Reads a request body, failing as soon as it exceeds the limit: up front from Content-Length,
 * and while streaming by counting bytes, for chunked uploads and for clients whose
 * Content-Length understates the body. Memory stays bounded by the limit (docs/input-rules.md, A5).
 */
export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLargeError(limitBytes));
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.byteLength;
      if (received > limitBytes) {
        request.off('data', onData);
        chunks.length = 0;
        rejectBody(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolveBody(Buffer.concat(chunks, received)));
    request.on('error', rejectBody);
  });
}
