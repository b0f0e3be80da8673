import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckedImport } from '../../data/import/checkedImport';
import type { ImportCheckRequest, ImportProgress, ReadImportResult } from '../../data/import/importJob';
import { createImportWorkerClient, ImportCancelled, type ImportWorkerClient } from '../../data/import/importWorkerClient';
import type { ImportReadChoice } from '../../data/import/importWorkerProtocol';

export interface ImportJobView {
  read: ReadImportResult | null;
  /** The result of the newest check that finished. */
  checked: CheckedImport | undefined;
  /** Null when nothing runs. */
  progress: ImportProgress | null;
  /** The importer itself failed (not the file): shown as it is. */
  failure: string | null;
  /** Asks for a check; while one runs, only the newest request waits for its turn. */
  check: (request: ImportCheckRequest) => void;
  /** Reads the file again with another choice (a table's coordinate columns); the checks follow. */
  reread: (choice: ImportReadChoice) => void;
  /** Stops the work at once (the worker is terminated); nothing of it reaches the layers. */
  cancel: () => void;
}

/** One dropped file's import, worked on off the page's thread (ImportWorkerClient). */
export function useImportJob(file: File, onCancelled: () => void): ImportJobView {
  const [read, setRead] = useState<ReadImportResult | null>(null);
  const [checked, setChecked] = useState<CheckedImport | undefined>();
  const [progress, setProgress] = useState<ImportProgress | null>({ stage: 'reading', done: 0, total: file.size });
  const [failure, setFailure] = useState<string | null>(null);
  const clientRef = useRef<ImportWorkerClient | null>(null);
  const running = useRef(false);
  const waiting = useRef<ImportCheckRequest | null>(null);

  const fail = useCallback((error: unknown) => {
    if (error instanceof ImportCancelled) return;
    setFailure(error instanceof Error ? error.message : String(error));
    setProgress(null);
  }, []);

  useEffect(() => {
    const client = createImportWorkerClient();
    clientRef.current = client;
    let live = true;
    client.read(file, (next) => { if (live) setProgress(next); }).then((result) => {
      if (!live) return;
      setRead(result);
      setProgress(null);
    }, (error: unknown) => { if (live) fail(error); });
    return () => {
      live = false;
      running.current = false;
      waiting.current = null;
      clientRef.current = null;
      client.terminate();
    };
  }, [file, fail]);

  const run = useCallback((request: ImportCheckRequest) => {
    const client = clientRef.current;
    if (!client) return;
    running.current = true;
    setProgress({ stage: 'parsing', done: 0, total: 0 });
    client.check(request, (next) => { if (clientRef.current === client) setProgress(next); }).then((result) => {
      if (clientRef.current !== client) return;
      const next = waiting.current;
      waiting.current = null;
      // A newer request came while this one ran: its answer is the one to show.
      if (next) {
        run(next);
        return;
      }
      running.current = false;
      setChecked(result);
      setProgress(null);
    }, (error: unknown) => {
      running.current = false;
      if (clientRef.current === client) fail(error);
    });
  }, [fail]);

  const check = useCallback((request: ImportCheckRequest) => {
    if (running.current) waiting.current = request;
    else run(request);
  }, [run]);

  const reread = useCallback((choice: ImportReadChoice) => {
    const client = clientRef.current;
    if (!client) return;
    setProgress({ stage: 'reading', done: 0, total: file.size });
    setChecked(undefined);
    client.read(file, (next) => { if (clientRef.current === client) setProgress(next); }, choice).then((result) => {
      if (clientRef.current !== client) return;
      setRead(result);
      setProgress(null);
    }, (error: unknown) => { if (clientRef.current === client) fail(error); });
  }, [file, fail]);

  const cancel = useCallback(() => {
    clientRef.current?.terminate();
    clientRef.current = null;
    onCancelled();
  }, [onCancelled]);

  return { read, checked, progress, failure, check, reread, cancel };
}
