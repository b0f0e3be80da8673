import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerDefinition, Manifest } from '../domain/plan/manifest';
import type { PlanFeatureCollection } from '../domain/plan/planFeature';
import { GeodataError, parseLayer, parseManifest } from './parseGeodata';
import type { GeodataReader } from './geodataReader';
import { layerFileName } from './layerFileName';

/** Node only: reads files; the browser loads geodata over HTTP instead. */

export interface GeodataLayer {
  definition: LayerDefinition;
  collection: PlanFeatureCollection;
}

export interface GeodataDirectory {
  manifest: Manifest;
  /** In manifest order. */
  layers: GeodataLayer[];
}

/** Reads a file as UTF-8, turning a missing or unreadable file into a GeodataError. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const problem = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code || String(error)})`;
    throw new GeodataError(path, '', problem);
  }
}

/** Reads `<directory>/layers.json` and every `<directory>/<layer-id>.geojson` it lists. */
export async function readGeodataDirectory(directory: string): Promise<GeodataDirectory> {
  const manifestPath = join(directory, 'layers.json');
  const manifest = parseManifest(await readTextFile(manifestPath), manifestPath);
  const layers = await Promise.all(
    manifest.layers.map(async (definition): Promise<GeodataLayer> => {
      const layerPath = join(directory, `${definition.id}.geojson`);
      return { definition, collection: parseLayer(await readTextFile(layerPath), layerPath) };
    }),
  );
  return { manifest, layers };
}

/**
 * The same through a GeodataReader (a folder, or a district's schema in the database); `where`
 * names the district in errors.
 */
export async function readGeodataFrom(geodata: GeodataReader, where: string): Promise<GeodataDirectory> {
  const text = async (path: string): Promise<string> => {
    const bytes = await geodata.read(path);
    if (!bytes) throw new GeodataError(`${where}/${path}`, '', 'file not found');
    return bytes.toString('utf8');
  };
  const manifest = parseManifest(await text('layers.json'), `${where}/layers.json`);
  const layers = await Promise.all(
    manifest.layers.map(async (definition): Promise<GeodataLayer> => {
      const path = layerFileName(definition.id);
      return { definition, collection: parseLayer(await text(path), `${where}/${path}`) };
    }),
  );
  return { manifest, layers };
}
