import type { SqlJsStatic } from 'sql.js';

/*
 * SQLite compiled to WebAssembly (sql.js), loaded the first time a GeoPackage is read and never
 * before: it stays out of the viewer's bundle and out of imports of other formats. In Node the
 * package finds its .wasm beside itself; in the browser the import worker passes the URL Vite
 * gave the file (import.worker.ts).
 */

let loading: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(wasmUrl?: string): Promise<SqlJsStatic> {
  loading ??= import('sql.js').then((module) => module.default(wasmUrl ? { locateFile: () => wasmUrl } : undefined));
  // A failed load (the file blocked, offline) may be retried by the next import.
  loading.catch(() => { loading = undefined; });
  return loading;
}
