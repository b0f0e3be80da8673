import type { CheckedImport } from './checkedImport';
import type { ImportCheckRequest, ImportProgress, ReadImportResult } from './importJob';

/** Page → import worker. */
export type ImportWorkerRequest =
  | { id: number; kind: 'read'; file: File }
  | { id: number; kind: 'check'; request: ImportCheckRequest };

/** Import worker → page: progress for a request, then its result or why it failed. */
export type ImportWorkerResponse =
  | { id: number; kind: 'progress'; progress: ImportProgress }
  | { id: number; kind: 'read'; result: ReadImportResult }
  | { id: number; kind: 'checked'; checked: CheckedImport }
  | { id: number; kind: 'failed'; message: string };
