/** Where a tiled layer's static copy lies in a geodata folder (store tiles writes it, the file store serves it). */
export function layerTileArchiveFile(layerId: string): string {
  return `tiles/${layerId}.pmtiles`;
}
