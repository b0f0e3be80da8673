/** Saves text as a file through the browser's download, as the PNG export does. */
export function downloadTextFile(text: string, fileName: string, mediaType: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: mediaType }));
  link.download = fileName;
  link.click();
  // Revoking at once can cancel the download in some browsers; the PNG export waits the same.
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
