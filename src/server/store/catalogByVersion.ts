import { readGeodataCatalog, type GeodataCatalog } from './geodataCatalog';
import type { GeodataReader } from '../../data/geodataReader';

/** The files readGeodataCatalog reads. */
const CATALOG_FILES = ['layers.json', 'schema/plan-layer.schema.json'];

/**
 * readGeodataCatalog, read again only when a file it reads has a new change key. For the
 * database's reader, whose change keys are content versions: parsing the manifest on every request
 * cost each tile 8 ms here, ten times the two version lookups that replace it. The key is read
 * before the files, so a catalog is never newer than its key and a change is seen at the next request.
 */
export function catalogByVersion(geodata: GeodataReader): () => Promise<GeodataCatalog> {
  let cached: { key: string; catalog: Promise<GeodataCatalog> } | undefined;
  return async () => {
    const key = (await Promise.all(CATALOG_FILES.map((path) => geodata.changeKey(path)))).join('\u0000');
    if (cached?.key !== key) {
      const catalog = readGeodataCatalog(geodata);
      const entry = { key, catalog };
      cached = entry;
      // A failed read is not kept: the next request tries again.
      catalog.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.catalog;
  };
}
