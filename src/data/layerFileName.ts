/** A layer's file in a district's geodata: its manifest id (a slug) and .geojson. */
export function layerFileName(layerId: string): string {
  return `${layerId}.geojson`;
}
