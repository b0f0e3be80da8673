import { ensureReader } from '../api/accessGuards';
import type { RouteHandler } from '../api/apiContext';

/** Proxies close idle connections; a comment line every 25 s keeps the stream open. */
const HEARTBEAT_MS = 25_000;

/**
 * GET /api/events: Server-Sent Events, one `layer` event `{layer, version}` per new version of a
 * layer, one `document` event `{document, version}` per new version of layers.json.
 */
export const streamEvents: RouteHandler = async (context, route) => {
  if (!(await ensureReader(context, route))) return;
  const { request, response } = route;
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'keep-alive',
  });
  response.write('retry: 3000\n\n');
  const unsubscribe = context.feed.subscribe((change) => {
    response.write(`event: ${'document' in change ? 'document' : 'layer'}\ndata: ${JSON.stringify(change)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  await new Promise<void>((resolveClosed) => {
    const stop = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      resolveClosed();
    };
    request.on('close', stop);
    response.on('close', stop);
  });
};
