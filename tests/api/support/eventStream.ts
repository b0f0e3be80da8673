export interface LayerEvent {
  layer: string;
  version: string;
}

/** A `document` event: layers.json got a new version. */
export interface DocumentEvent {
  document: string;
  version: string;
}

export interface EventStream {
  /** `document` events, in order. */
  documentEvents: DocumentEvent[];
  /** Resolves with the first event (already received or still to come) that matches, or rejects after `timeoutMs`. */
  waitFor(matches: (event: LayerEvent) => boolean, timeoutMs?: number): Promise<LayerEvent>;
  events: LayerEvent[];
  close(): void;
}

/** Reads /api/events as a browser's EventSource would, keeping every `layer` and `document` event. */
export async function openEventStream(baseUrl: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error('events: not an event stream');
  const events: LayerEvent[] = [];
  const documentEvents: DocumentEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: layer') && data) events.push(JSON.parse(data.slice('data: '.length)) as LayerEvent);
          if (block.includes('event: document') && data) documentEvents.push(JSON.parse(data.slice('data: '.length)) as DocumentEvent);
          end = buffered.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    documentEvents,
    close: () => controller.abort(),
    waitFor: (matches, timeoutMs = 5000) =>
      new Promise((resolveEvent, rejectEvent) => {
        const check = (): void => {
          const found = events.find(matches);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolveEvent(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          rejectEvent(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
