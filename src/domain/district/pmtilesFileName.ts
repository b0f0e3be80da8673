/** A file name the manifest's `basemap.pmtiles` pattern accepts, kept recognisable: "成都 extract.pmtiles" -> "extract.pmtiles". */
export function pmtilesFileName(original: string): string {
  const stem = original.replace(/\.pmtiles$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '');
  return `${stem === '' ? 'basemap' : stem}.pmtiles`;
}
