import { DEFAULT_BACKOFF, reconnectDelayMs, type Backoff } from './reconnectDelayMs';

/** A stream that stayed open this long was a working connection: the next drop starts the backoff afresh. */
const STABLE_CONNECTION_MS = 30_000;

/** A layer got a new version on the server (a save, a restore, or its file changed on disk). */
export interface LayerChange {
  layer: string;
  version: string;
}

/** A document of the plan (layers.json) got a new version: the page loads the new plan. */
export interface DocumentChange {
  document: string;
  version: string;
}

export interface LayerEventHandlers {
  onLayer: (change: LayerChange) => void;
  onDocument?: (change: DocumentChange) => void;
  /** The stream is (again) open; `reconnected` after a drop, when events may have been missed. */
  onOpen?: (reconnected: boolean) => void;
}

/** The two strings `key` and `version` of an event's JSON data, or null when it has not that shape. */
function keyAndVersion(data: string, key: string): { value: string; version: string } | null {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { [key]: value, version } = parsed as Record<string, unknown>;
    return typeof value === 'string' && typeof version === 'string' ? { value, version } : null;
  } catch {
    return null;
  }
}

/** The data of one `layer` event, or null when it is not one (a malformed event is ignored). */
export function parseLayerChange(data: string): LayerChange | null {
  const found = keyAndVersion(data, 'layer');
  return found && { layer: found.value, version: found.version };
}

function parseDocumentChange(data: string): DocumentChange | null {
  const found = keyAndVersion(data, 'document');
  return found && { document: found.value, version: found.version };
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
    current.addEventListener('document', (event) => {
      const change = parseDocumentChange((event as MessageEvent<string>).data);
      if (change) handlers.onDocument?.(change);
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
