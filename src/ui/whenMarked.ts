/**
 * Resolves once the page has a performance mark of this name (one made before the call counts),
 * or after `timeoutMs`, whichever comes first; never rejects.
 */
export function whenMarked(name: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name, 'mark').length > 0) {
      resolve();
      return;
    }
    let observer: PerformanceObserver | null = null;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    signal.addEventListener('abort', done);
    if (typeof PerformanceObserver === 'function') {
      observer = new PerformanceObserver((list) => { if (list.getEntriesByName(name).length > 0) done(); });
      observer.observe({ type: 'mark' });
    }
  });
}
