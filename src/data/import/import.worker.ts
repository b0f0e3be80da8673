// Vite emits sql.js's WebAssembly as a file of its own and gives its URL; it is fetched only when a GeoPackage is read.
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { ImportJob, type OnImportProgress } from './importJob';
import type { ImportWorkerRequest, ImportWorkerResponse } from './importWorkerProtocol';

/*
 * Reading and validating an import off the page's thread, so a large file never freezes the map:
 * one worker per dropped file, holding the file's layers between checks. Terminating it is the
 * cancel: nothing it did reaches the page.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const job = new ImportJob();
const post = (response: ImportWorkerResponse): void => scope.postMessage(response);

async function handle(message: ImportWorkerRequest): Promise<ImportWorkerResponse> {
  const onProgress: OnImportProgress = (progress) => post({ id: message.id, kind: 'progress', progress });
  if (message.kind === 'read') {
    onProgress({ stage: 'reading', done: 0, total: message.file.size });
    const bytes = new Uint8Array(await message.file.arrayBuffer());
    return { id: message.id, kind: 'read', result: await job.read(message.file.name, bytes, onProgress, { ...message.choice, sqlWasmUrl }) };
  }
  return { id: message.id, kind: 'checked', checked: await job.check(message.request, onProgress) };
}

// Requests run one after another: a check needs the read before it, and each needs the whole thread anyway.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  const message = event.data;
  queue = queue.then(async () => {
    try {
      post(await handle(message));
    } catch (error) {
      post({ id: message.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
};
