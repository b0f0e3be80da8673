import { readFile } from 'node:fs/promises';
import type { Geometry } from 'geojson';
import type { ValidateGeoJsonOptions } from '../domain/validation/validateGeoJson';
import { validateWithCrsRegistry } from '../data/crs/validateWithCrsRegistry';
import { readCrsDefinition } from '../data/crs/readCrsDefinition';
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
  /** A datum-shift profile for a datum without a known shift to CGCS2000 (`--datum-shift`). */
  datumShift?: ValidateGeoJsonOptions['datumShift'];
}
export type ValidatedGeometries =
  | { ok: true; geometries: (Geometry | null)[]; reprojectedFrom?: string; datumShift?: string }
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
  if (!report.reprojection) return { ok: true, geometries };
  const { from, datumShift } = report.reprojection;
  return datumShift === undefined ? { ok: true, geometries, reprojectedFrom: from } : { ok: true, geometries, reprojectedFrom: from, datumShift };
}

export async function readValidatedGeometries(path: string, options: StatsFileOptions = { sourceLayer: null, crs: null }): Promise<ValidatedGeometries> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, summary: `${path}: ${code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code})`}`, details: '' };
  }
  const validate = (input: Uint8Array | string, declaredCrs: string | undefined): Promise<ValidationReport> =>
    validateWithCrsRegistry(input, { ...(declaredCrs ? { declaredCrs } : {}), ...(options.datumShift ? { datumShift: options.datumShift } : {}) }, readCrsDefinition);
  const givenCrs = options.crs ?? undefined;
  if (isGeoJsonBytes(path, bytes)) return measurable(path, await validate(bytes, givenCrs));
  const read = await importedLayers(path, options.sourceLayer);
  if (!read.ok) return read;
  const geometries: (Geometry | null)[] = [];
  let reprojectedFrom: string | undefined;
  let datumShift: string | undefined;
  for (const layer of read.layers) {
    const measured = measurable(path, await validate(layer.text, givenCrs ?? layer.crs?.epsg ?? layer.crs?.wkt));
    if (!measured.ok) return measured;
    geometries.push(...measured.geometries);
    reprojectedFrom ??= measured.reprojectedFrom;
    datumShift ??= measured.datumShift;
  }
  if (!reprojectedFrom) return { ok: true, geometries };
  return datumShift === undefined ? { ok: true, geometries, reprojectedFrom } : { ok: true, geometries, reprojectedFrom, datumShift };
}
