import type { VectorBasemap } from '../plan/manifest';

/*
 * Layer names that only one schema uses: Protomaps basemaps v4 (docs.protomaps.com, "Basemap
 * layers": earth, water, landuse, roads, buildings, places, pois, boundaries) and OpenMapTiles
 * (openmaptiles.org/schema: water, waterway, landuse, transportation, transportation_name, place, ...).
 */
const PROTOMAPS_ONLY = ['earth', 'roads', 'places'];
const OPENMAPTILES_ONLY = ['transportation', 'place', 'waterway'];

/** The schema of a vector tileset from its metadata's `vector_layers` ids, or undefined when neither fits. */
export function vectorSchemaOfLayers(layerIds: readonly string[]): VectorBasemap['schema'] | undefined {
  const ids = new Set(layerIds);
  if (PROTOMAPS_ONLY.some((id) => ids.has(id))) return 'protomaps';
  if (OPENMAPTILES_ONLY.some((id) => ids.has(id))) return 'openmaptiles';
  return undefined;
}
