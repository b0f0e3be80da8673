import { readFile } from 'node:fs/promises';
import type { Geometry } from 'geojson';
import { validateGeoJson } from '../domain/validation/validateGeoJson';
import type { ValidationIssue, ValidationReport } from '../domain/validation/validationReport';
import { importedLayers, isGeoJsonBytes } from './importedLayers';

/**
 * A single file for `npm run stats`, read through the import engine and the validation engine (the
 * same as `npm run validate`, the server and the app): a projected file is measured after its
 * reprojection to lon/lat, rings are checked before they are measured, and a file with blocking
 * problems is not measured at all. GeoJSON goes to the validator as bytes; any other format
 * (GeoPackage, DXF, CSV, Excel, shapefile, KML) is read by importFile first.
 */

export interface StatsFileOptions {
  /** The table, CAD layer or sheet of a file that holds several. */
  sourceLayer: string | null;
  /** The CRS of the coordinates when the file does not say (a DXF never does), e.g. EPSG:4545. */
  crs: string | null;
}
export type ValidatedGeometries =
  | { ok: true; geometries: (Geometry | null)[]; reprojectedFrom?: string }
  /** `summary` is one line naming the file; `details` one line per problem. */
  | { ok: false; summary: string; details: string };

/** JSON-level codes: the file is not JSON at all, or JSON that cannot be trusted. */
const JSON_CODES = new Set(['EMPTY_INPUT', 'TOO_LARGE', 'ENCODING_NOT_UTF8', 'NOT_JSON', 'INVALID_JSON', 'DUPLICATE_KEY', 'FORBIDDEN_KEY', 'TOO_DEEP']);

/** An empty collection measures 0: stats reports it rather than refusing it. */
const MEASURABLE_ANYWAY = new Set(['NO_FEATURES']);

function line(issue: ValidationIssue): string {
  return `  ${issue.path || '/'} [${issue.code}] ${issue.message.zh} / ${issue.message.en}\n`;
}

function measurable(path: string, report: ValidationReport): ValidatedGeometries {
  const blocking = report.problems.filter((problem) => !MEASURABLE_ANYWAY.has(problem.code));
  if (blocking.length > 0 || !report.collection) {
    const first = blocking[0];
    const what = first && JSON_CODES.has(first.code) ? 'not valid JSON' : 'not valid GeoJSON';
    const reason = first ? ` (${first.message.en})` : '';
    return { ok: false, summary: `${path}: ${what}${reason}`, details: blocking.map(line).join('') };
  }
  const geometries = report.collection.features.map((feature) => feature.geometry);
  return report.reprojection ? { ok: true, geometries, reprojectedFrom: report.reprojection.from } : { ok: true, geometries };
}

export async function readValidatedGeometries(path: string, options: StatsFileOptions = { sourceLayer: null, crs: null }): Promise<ValidatedGeometries> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, summary: `${path}: ${code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code})`}`, details: '' };
  }
  const declaredCrs = options.crs ?? undefined;
  if (isGeoJsonBytes(path, bytes)) return measurable(path, validateGeoJson(bytes, { declaredCrs }));
  const read = await importedLayers(path, options.sourceLayer);
  if (!read.ok) return read;
  const geometries: (Geometry | null)[] = [];
  let reprojectedFrom: string | undefined;
  for (const layer of read.layers) {
    const measured = measurable(path, validateGeoJson(layer.text, { declaredCrs: declaredCrs ?? layer.crs?.epsg }));
    if (!measured.ok) return measured;
    geometries.push(...measured.geometries);
    reprojectedFrom ??= measured.reprojectedFrom;
  }
  return reprojectedFrom ? { ok: true, geometries, reprojectedFrom } : { ok: true, geometries };
}
