import { useEffect, useState } from 'react';
import { importFile } from '../../data/import/importFile';
import type { ImportResult } from '../../data/import/importResult';

export interface ReadImport {
  fileName: string;
  result: ImportResult;
}

/** Reads a dropped or chosen file into import layers; the newest file wins over one still being read. */
export function useImportFile(file: File | null): ReadImport | null {
  const [read, setRead] = useState<ReadImport | null>(null);
  useEffect(() => {
    if (!file) {
      setRead(null);
      return;
    }
    let live = true;
    void file.arrayBuffer().then((buffer) => {
      if (live) setRead({ fileName: file.name, result: importFile(file.name, new Uint8Array(buffer)) });
    });
    return () => { live = false; };
  }, [file]);
  return read;
}
