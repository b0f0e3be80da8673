import type { CrsDefinition } from '../../domain/crs/crsDefinition';
import { safeText } from '../../domain/validation/safeText';

/*
 * EPSG definitions from the registry package epsg-index (ISC licence; the EPSG dataset's proj4
 * definitions, names, areas of use and accuracies, one entry per code), loaded only when a file
 * names a code that has no pinned definition (docs/input-rules.md, C2): a dynamic import, so the
 * 8 MB registry is its own chunk that the viewer never loads and the import worker loads at
 * most once.
 */

export interface RegistryEntry {
  code: string;
  kind: string;
  name: string;
  proj4: string | null;
  /** [north, west, south, east] in degrees. */
  bbox: [number, number, number, number] | null;
  area: string | null;
  accuracy: number | null;
}

let registry: Promise<Record<string, RegistryEntry | undefined>> | undefined;

function loadRegistry(): Promise<Record<string, RegistryEntry | undefined>> {
  registry ??= import('epsg-index/all.json').then((module: { default: unknown }) => module.default as Record<string, RegistryEntry | undefined>);
  return registry;
}

/** Loads the definition of an EPSG code, or undefined when the registry has none proj4 can use. */
export type LoadCrsDefinition = (code: number) => Promise<CrsDefinition | undefined>;

/** The definition of an EPSG code from the whole registry (the browser's way: one lazy chunk). */
export async function loadCrsDefinition(code: number): Promise<CrsDefinition | undefined> {
  return crsDefinitionOfEntry(code, (await loadRegistry())[String(code)]);
}

/** A registry entry as the validator's definition; undefined for kinds proj4 cannot convert (vertical, engineering, compound). */
export function crsDefinitionOfEntry(code: number, entry: RegistryEntry | undefined): CrsDefinition | undefined {
  if (!entry?.proj4 || !/^CRS-(PROJCRS|GEOGCRS|GEOG3DCRS)$/.test(entry.kind)) return undefined;
  const epsg = `EPSG:${code}`;
  const name = safeText(entry.name, 120);
  const definition: CrsDefinition = { code, name: { zh: `${name}（${epsg}）`, en: `${name} (${epsg})` }, proj4: entry.proj4 };
  if (entry.bbox) {
    const [north, west, south, east] = entry.bbox;
    definition.areaOfUse = [west, south, east, north];
  }
  if (entry.area) definition.areaName = safeText(entry.area, 160);
  if (typeof entry.accuracy === 'number') definition.accuracyMeters = entry.accuracy;
  return definition;
}
