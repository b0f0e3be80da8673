import { DEFAULT_BACKOFF, reconnectDelayMs, type Backoff } from './reconnectDelayMs';

/** A stream that stayed open this long was a working connection: the next drop starts the backoff afresh. */
const STABLE_CONNECTION_MS = 30_000;

/** A layer got a new version on the server (a save, a restore, or its file changed on disk). */
export interface LayerChange {
  layer: string;
  version: string;
}

export interface LayerEventHandlers {
  onLayer: (change: LayerChange) => void;
  /** The stream is (again) open; `reconnected` after a drop, when events may have been missed. */
  onOpen?: (reconnected: boolean) => void;
}

/** The data of one `layer` event, or null when it is not one (a malformed event is ignored). */
export function parseLayerChange(data: string): LayerChange | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { layer, version } = value as Record<string, unknown>;
    return typeof layer === 'string' && typeof version === 'string' ? { layer, version } : null;
  } catch {
    return null;
  }
}

/**
 * Follows the server's Server-Sent Events at `url` until the returned function is called. The
 * browser gives up on a stream answered with an HTTP error and retries a dropped one at a fixed
 * pace; here every failure closes the stream and reconnects with a growing delay instead.
 */
export function openLayerEventStream(url: string, handlers: LayerEventHandlers, backoff: Backoff = DEFAULT_BACKOFF): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let openedAt: number | undefined;
  let openedBefore = false;
  let closed = false;

  const connect = (): void => {
    timer = undefined;
    const current = new EventSource(url);
    source = current;
    current.addEventListener('open', () => {
      openedAt = Date.now();
      handlers.onOpen?.(openedBefore);
      openedBefore = true;
    });
    current.addEventListener('layer', (event) => {
      const change = parseLayerChange((event as MessageEvent<string>).data);
      if (change) handlers.onLayer(change);
    });
    current.addEventListener('error', () => {
      current.close();
      if (closed || timer !== undefined) return;
      // A proxy that accepts and at once closes the stream must not make the page reconnect in a tight loop.
      if (openedAt !== undefined && Date.now() - openedAt >= STABLE_CONNECTION_MS) attempt = 0;
      openedAt = undefined;
      timer = setTimeout(connect, reconnectDelayMs(attempt, backoff));
      attempt += 1;
    });
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
