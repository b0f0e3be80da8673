/**
 * The documents of the plan that are saved through the store like the layers: conditional,
 * versioned, audited, restorable. Each is a file in geodata/ named here; its kept versions are in
 * versions/<file name>/ as `<n>.document`. Each name has an entry in the server's SAVED_DOCUMENTS,
 * which says who may read and save it, how it is checked and how a change is put in words.
 */
export const DOCUMENT_FILES = ['layers.json', 'datum-shifts.json'] as const;

export type DocumentFile = (typeof DOCUMENT_FILES)[number];

export const DOCUMENT_CONTENT_EXTENSION = 'document';

export function isDocumentFile(name: string): name is DocumentFile {
  return (DOCUMENT_FILES as readonly string[]).includes(name);
}
