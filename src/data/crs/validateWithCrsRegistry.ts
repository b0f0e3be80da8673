import type { CrsDefinition } from '../../domain/crs/crsDefinition';
import { crsForCode } from '../../domain/crs/crsForCode';
import type { DatumShiftChoice } from '../../domain/crs/declaredCrsTransform';
import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import { parseCrsName } from '../../domain/validation/parseCrsName';
import { validateGeoJson, type ValidateGeoJsonOptions } from '../../domain/validation/validateGeoJson';
import type { ValidationReport } from '../../domain/validation/validationReport';
import { loadCrsDefinition, type LoadCrsDefinition } from './loadCrsDefinition';

/*
 * validateGeoJson with the EPSG registry behind it (docs/input-rules.md, C2): the validator stays
 * pure and synchronous and says which code it lacks (ValidationReport.crsNeeded); this loads that
 * definition and validates again. A file names at most two codes (its `crs` member and the one
 * declared), so two extra rounds at most. `load` reads the registry: the whole index as a lazy
 * chunk by default (the browser), one file per code on Node (readCrsDefinition).
 */
export async function validateWithCrsRegistry(input: Uint8Array | string, options: ValidateGeoJsonOptions = {}, load: LoadCrsDefinition = loadCrsDefinition): Promise<ValidationReport> {
  let definitions = new Map<number, CrsDefinition>(options.crsDefinitions ?? []);
  let report = validateGeoJson(input, { ...options, crsDefinitions: definitions });
  for (let round = 0; round < 2 && report.crsNeeded !== undefined && !definitions.has(report.crsNeeded); round++) {
    const code = report.crsNeeded;
    const definition = await load(code);
    if (!definition) return notInRegistry(report, code);
    definitions = new Map(definitions).set(code, definition);
    report = validateGeoJson(input, { ...options, crsDefinitions: definitions });
  }
  return report;
}

function notInRegistry(report: ValidationReport, code: number): ValidationReport {
  const problems = report.problems.map((problem) =>
    problem.code === 'UNSUPPORTED_CRS'
      ? { ...problem, message: { zh: `EPSG:${code} 不在 EPSG 坐标系库中（或不是 proj4 能表达的坐标系）；请在 QGIS 中导出为 EPSG:4326 经纬度`, en: `EPSG:${code} is not in the EPSG registry (or is no CRS proj4 can express); export to EPSG:4326 lon/lat in QGIS` } }
      : problem,
  );
  return { ...report, problems };
}

/** A profile with the definition of its 4-parameter target plane, pinned or from the registry. */
export async function datumShiftChoice(profile: DatumShiftProfile, load: LoadCrsDefinition = loadCrsDefinition): Promise<DatumShiftChoice> {
  if (profile.method !== 'plane-4') return { profile };
  const target = parseCrsName(profile.targetCrs);
  if (target.kind !== 'epsg') return { profile };
  const definition = crsForCode(target.code) ?? (await load(target.code));
  return definition ? { profile, target: definition } : { profile };
}

/** The definition of an EPSG code, pinned or from the registry. */
export async function crsDefinitionOf(code: number, load: LoadCrsDefinition = loadCrsDefinition): Promise<CrsDefinition | undefined> {
  return crsForCode(code) ?? (await load(code));
}
