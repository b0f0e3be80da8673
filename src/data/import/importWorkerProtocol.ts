import type { CheckedImport } from './checkedImport';
import type { ImportFileOptions } from './importFile';
import type { ImportCheckRequest, ImportProgress, ReadImportResult } from './importJob';

/** What the page may choose when it asks for a read: a part, a table's columns (never where files are). */
export type ImportReadChoice = Pick<ImportFileOptions, 'sourceLayer' | 'tableColumns'>;

/** Page → import worker. */
export type ImportWorkerRequest =
  | { id: number; kind: 'read'; file: File; choice?: ImportReadChoice }
  | { id: number; kind: 'check'; request: ImportCheckRequest };

/** Import worker → page: progress for a request, then its result or why it failed. */
export type ImportWorkerResponse =
  | { id: number; kind: 'progress'; progress: ImportProgress }
  | { id: number; kind: 'read'; result: ReadImportResult }
  | { id: number; kind: 'checked'; checked: CheckedImport }
  | { id: number; kind: 'failed'; message: string };
