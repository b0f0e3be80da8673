import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

/**
 * Lets styles name a PMTiles archive as `pmtiles://<url>`: the `pmtiles` package's MapLibre
 * protocol reads the header, directories and tiles in byte ranges from our server. `metadata`
 * gives MapLibre the archive's zoom range and bounds, so it asks only for tiles that exist.
 * Once per page: the protocol is global to MapLibre.
 */
export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol('pmtiles', new Protocol({ metadata: true }).tile);
}
