import { importPath } from '../data/import/importPath';
import type { ImportMessage } from '../data/import/importMessage';
import type { ImportLayer } from '../data/import/importResult';
import { sniffImportFormat } from '../data/import/sniffImportFormat';

/*
 * The one layer of a file that `validate` and `stats` check, read by the import engine
 * (src/data/import): GeoPackage, DXF, CSV, Excel, shapefiles (a .shp with its sidecars, or a
 * zip), KML. A file of several parts needs `--source-layer`, and the message names the parts.
 * GeoJSON is not read here: the validator reads its bytes itself (strict JSON, encoding).
 */

/** Several layers only when they are the parts of one source layer (a DXF layer's polygons and lines). */
export type ImportedLayer = { ok: true; layers: ImportLayer[] } | { ok: false; summary: string; details: string };

const line = (message: ImportMessage): string => `  [${message.code}] ${message.message.zh} / ${message.message.en}\n`;

/** True when the file at `path` with these first bytes is GeoJSON, which the validator reads directly. */
export const isGeoJsonBytes = (path: string, bytes: Uint8Array): boolean => !/\.shp$/i.test(path) && sniffImportFormat(bytes).kind === 'json';

const partLabel = (layer: ImportLayer): string => `${layer.sourceLayer ?? layer.name}${layer.geometryKind ? ` (${layer.geometryKind})` : ''}`;

export async function importedLayers(path: string, sourceLayer: string | null): Promise<ImportedLayer> {
  const result = await importPath(path, sourceLayer === null ? {} : { sourceLayer });
  if (!result.ok) {
    const first = result.problems[0];
    return { ok: false, summary: `${path}: ${first ? first.message.en : 'cannot be read'}`, details: result.problems.map(line).join('') };
  }
  const unresolved = result.layers.find((part) => part.table && !part.table.columns);
  const note = unresolved?.warnings.find((warning) => warning.code === 'TABLE_NO_GEOMETRY_COLUMNS');
  if (note) return { ok: false, summary: `${path}: ${note.message.en}`, details: line(note) };
  const [layer, ...others] = result.layers;
  if (!layer) return { ok: false, summary: `${path}: holds nothing to read`, details: '' };
  // A DXF layer with both polygons and lines is two parts of one name, read together.
  const sameName = others.every((other) => (other.sourceLayer ?? other.name) === (layer.sourceLayer ?? layer.name));
  if (others.length > 0 && !(sourceLayer !== null && sameName)) {
    const names = result.layers.map(partLabel).join(', ');
    return { ok: false, summary: `${path}: 文件含多个图层，请用 --source-layer 选择一个 / the file holds several layers; choose one with --source-layer: ${names}`, details: '' };
  }
  return { ok: true, layers: result.layers };
}
