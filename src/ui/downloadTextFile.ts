import { downloadBlob } from './downloadBlob';

/** Saves text as a file through the browser's download. */
export function downloadTextFile(text: string, fileName: string, mediaType: string): void {
  downloadBlob(new Blob([text], { type: mediaType }), fileName);
}
