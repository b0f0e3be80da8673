import type { CheckedImport } from './checkedImport';
import { ImportJob, type ImportCheckRequest, type OnImportProgress, type ReadImportResult } from './importJob';
import type { ImportReadChoice, ImportWorkerRequest, ImportWorkerResponse } from './importWorkerProtocol';

/** The page's handle on one import's work. */
export interface ImportWorkerClient {
  /** Reads (or reads again, with another choice of part or columns) the file. */
  read(file: File, onProgress: OnImportProgress, choice?: ImportReadChoice): Promise<ReadImportResult>;
  check(request: ImportCheckRequest, onProgress: OnImportProgress): Promise<CheckedImport>;
  /** Stops the work at once; promises still pending reject with ImportCancelled. */
  terminate(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
  }
}

type UnsentRequest = { kind: 'read'; file: File; choice?: ImportReadChoice } | { kind: 'check'; request: ImportCheckRequest };
type Reply = Exclude<ImportWorkerResponse, { kind: 'progress' } | { kind: 'failed' }>;
type Runner = (request: UnsentRequest, onProgress: OnImportProgress) => Promise<Reply>;

/**
 * Runs the import in a Web Worker. Where workers are missing, or the worker script cannot start
 * (blocked, or gone after a redeploy), the same job runs in the page, one request at a time.
 */
export function createImportWorkerClient(): ImportWorkerClient {
  const { run, terminate } = typeof Worker === 'undefined' ? inPageRunner() : workerRunner();
  return {
    read: async (file, onProgress, choice) => {
      const reply = await run(choice ? { kind: 'read', file, choice } : { kind: 'read', file }, onProgress);
      if (reply.kind !== 'read') throw new Error(`unexpected ${reply.kind} reply to a read`);
      return reply.result;
    },
    check: async (request, onProgress) => {
      const reply = await run({ kind: 'check', request }, onProgress);
      if (reply.kind !== 'checked') throw new Error(`unexpected ${reply.kind} reply to a check`);
      return reply.checked;
    },
    terminate,
  };
}

interface Pending {
  request: UnsentRequest;
  onProgress: OnImportProgress;
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

function workerRunner(): { run: Runner; terminate: () => void } {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'plan-map-import' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let started = false;
  let fallback: { run: Runner; terminate: () => void } | null = null;
  const settle = (entry: Pending, work: Promise<Reply>) => work.then(entry.resolve, (error: unknown) => entry.reject(error instanceof Error ? error : new Error(String(error))));

  worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
    started = true;
    const response = event.data;
    const entry = pending.get(response.id);
    if (!entry) return;
    if (response.kind === 'progress') {
      entry.onProgress(response.progress);
      return;
    }
    pending.delete(response.id);
    if (response.kind === 'failed') entry.reject(new Error(response.message));
    else entry.resolve(response);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const waiting = [...pending.values()];
    pending.clear();
    if (started) {
      for (const entry of waiting) entry.reject(new Error(event.message || 'the import worker failed'));
      return;
    }
    // The script never ran: do the work here rather than not at all.
    worker.terminate();
    fallback = inPageRunner();
    for (const entry of waiting) void settle(entry, fallback.run(entry.request, entry.onProgress));
  };

  return {
    run: (request, onProgress) => {
      if (fallback) return fallback.run(request, onProgress);
      return new Promise<Reply>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { request, onProgress, resolve, reject });
        const message: ImportWorkerRequest = { ...request, id };
        worker.postMessage(message);
      });
    },
    terminate: () => {
      worker.terminate();
      fallback?.terminate();
      for (const entry of pending.values()) entry.reject(new ImportCancelled());
      pending.clear();
    },
  };
}

/** The same job on the page's thread, requests in turn, each after a paint so the progress shows. */
function inPageRunner(): { run: Runner; terminate: () => void } {
  const job = new ImportJob();
  let cancelled = false;
  let queue: Promise<unknown> = Promise.resolve();
  const afterPaint = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled) throw new ImportCancelled();
  };
  const work = async (request: UnsentRequest, onProgress: OnImportProgress): Promise<Reply> => {
    if (cancelled) throw new ImportCancelled();
    if (request.kind === 'read') {
      onProgress({ stage: 'reading', done: 0, total: request.file.size });
      const bytes = new Uint8Array(await request.file.arrayBuffer());
      await afterPaint();
      return { id: 0, kind: 'read', result: await job.read(request.file.name, bytes, onProgress, request.choice) };
    }
    await afterPaint();
    const checked = await job.check(request.request, onProgress);
    if (cancelled) throw new ImportCancelled();
    return { id: 0, kind: 'checked', checked };
  };
  return {
    run: (request, onProgress) => {
      const next = queue.then(() => work(request, onProgress));
      queue = next.catch(() => undefined);
      return next;
    },
    terminate: () => { cancelled = true; },
  };
}
