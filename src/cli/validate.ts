import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LayerDefinition, LocalizedText, Manifest } from '../domain/plan/manifest';
import { createGeodataValidator, type GeodataSchemas } from '../domain/plan/schemaValidation';
import { GeodataError, parseManifest } from '../data/parseGeodata';
import type { ValidateGeoJsonOptions } from '../domain/validation/validateGeoJson';
import { validateWithCrsRegistry } from '../data/crs/validateWithCrsRegistry';
import { readCrsDefinition } from '../data/crs/readCrsDefinition';
import { DatumShiftError } from '../data/datum/readDatumShifts';
import { datumShiftOption, residualLines } from './datumShiftOption';
import type { ValidationIssue, ValidationReport } from '../domain/validation/validationReport';
import { parseValidateArguments, VALIDATE_USAGE, type ValidateArguments } from './validateArguments';
import { plausibilityOfFile } from './plausibilityOfFile';
import { importedLayers, isGeoJsonBytes } from './importedLayers';
import type { ImportMessage } from '../data/import/importMessage';

/**
 * `npm run --silent validate -- <file|dir> [--layer <id>] [--source-layer <part>] [--json] [--crs EPSG:xxxx] [--datum-shift <profile>] [--from gcj02|bd09]`:
 * the validation engine of the app and the server (src/domain/validation) on the command line,
 * for GeoJSON and every format the import engine reads (src/data/import).
 * Exit 0 when valid (warnings allowed), 1 when the input has problems, 2 when it cannot be read.
 */

const EXIT_VALID = 0;
const EXIT_PROBLEMS = 1;
const EXIT_UNREADABLE = 2;
const PROJECT_GEODATA = join(import.meta.dirname, '..', '..', 'geodata');

/** One validated file, as printed and as `--json` gives it. */
interface FileResult {
  file: string;
  layer?: string;
  valid: boolean;
  features?: number;
  problems: ValidationIssue[];
  warnings: ValidationIssue[];
  reprojection?: ValidationReport['reprojection'];
  /** The file looks like a DataV/ECharts map (GCJ-02) and no --from was given. */
  hint?: { from: 'gcj02'; message: LocalizedText };
  /** What the reader of a non-GeoJSON file noted (CRS missing in a DXF, columns guessed in a CSV…). */
  notes?: ImportMessage[];
}

class Unreadable extends Error {}

/** The engine with the EPSG registry behind it, read one code at a time from the package's files. */
const validateGeoJson = (input: Uint8Array | string, options: ValidateGeoJsonOptions): Promise<ValidationReport> => validateWithCrsRegistry(input, options, readCrsDefinition);

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Unreadable(`${path}: ${code === 'ENOENT' ? '找不到文件 / file not found' : `无法读取 / cannot be read (${code})`}`);
  }
}

async function readJson(path: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(path));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Unreadable(`${path}: 不是有效的 JSON / not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The schemas of `<directory>/schema`, else the project's. */
async function readSchemas(directory: string): Promise<GeodataSchemas> {
  const own = join(directory, 'schema');
  const schemaDirectory = existsSync(join(own, 'plan-layer.schema.json')) ? own : join(PROJECT_GEODATA, 'schema');
  return { planLayer: await readJson(join(schemaDirectory, 'plan-layer.schema.json')) };
}

function manifestProblem(file: string, error: unknown): FileResult {
  const message = error instanceof Error ? error.message : String(error);
  return { file, valid: false, problems: [{ path: '', code: 'MANIFEST_INVALID', message: { zh: `清单无法使用：${message}`, en: `the manifest cannot be used: ${message}` } }], warnings: [] };
}

function fileResult(file: string, report: ValidationReport, layer?: LayerDefinition): FileResult {
  const result: FileResult = { file, valid: report.problems.length === 0, problems: report.problems, warnings: report.warnings };
  if (layer) result.layer = layer.id;
  if (report.collection) result.features = report.collection.features.length;
  if (report.reprojection) result.reprojection = report.reprojection;
  if (report.datumHint && !report.reprojection) {
    const { reason } = report.datumHint;
    result.hint = { from: 'gcj02', message: { zh: `${reason.zh}；如属实，请加 --from gcj02 转换`, en: `${reason.en}; if so, add --from gcj02 to convert them` } };
  }
  return result;
}

/** The report with the plausibility problems of the file as `layer` added. */
async function withPlausibility(report: ValidationReport, layer: LayerDefinition, manifest: Manifest, directory: string, asImport: boolean): Promise<ValidationReport> {
  const problems = await plausibilityOfFile(report, layer, manifest, directory, asImport);
  return problems.length === 0 ? report : { ...report, problems: [...report.problems, ...problems] };
}

async function validateDirectory(directory: string, options: ValidateGeoJsonOptions): Promise<FileResult[]> {
  const manifestPath = join(directory, 'layers.json');
  if (!existsSync(manifestPath)) throw new Unreadable(`${manifestPath}: 找不到图层清单 / no layers.json in this directory`);
  const manifestBytes = await readBytes(manifestPath);
  const manifestText = new TextDecoder().decode(manifestBytes);
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestText.replace(/^\uFEFF/, ''), 'layers.json');
  } catch (error) {
    return [manifestProblem('layers.json', error)];
  }
  const schemas = await readSchemas(directory);
  const manifestProblems = createGeodataValidator(schemas).validateManifest(JSON.parse(manifestText.replace(/^\uFEFF/, '')) as unknown);
  const results: FileResult[] = [
    {
      file: 'layers.json',
      valid: manifestProblems.length === 0,
      problems: manifestProblems,
      warnings: [],
    },
  ];
  for (const layer of manifest.layers) {
    const file = `${layer.id}.geojson`;
    const path = join(directory, file);
    if (!existsSync(path)) {
      results.push({ file, layer: layer.id, valid: false, problems: [{ path: '', code: 'MISSING_FILE', message: { zh: `缺少图层文件 ${file}`, en: `the layer file ${file} is missing` } }], warnings: [] });
      continue;
    }
    const report = await validateGeoJson(await readBytes(path), { ...options, layer, manifest, schemas });
    results.push(fileResult(file, await withPlausibility(report, layer, manifest, directory, false), layer));
  }
  return results;
}

/** The manifest beside the file, else the project's: it gives the district's bounds and the layers. */
async function nearbyManifest(file: string): Promise<{ manifest: Manifest; directory: string } | undefined> {
  for (const directory of [dirname(file), PROJECT_GEODATA]) {
    const path = join(directory, 'layers.json');
    if (!existsSync(path)) continue;
    try {
      return { manifest: parseManifest(new TextDecoder().decode(await readBytes(path)).replace(/^\uFEFF/, ''), path), directory };
    } catch (error) {
      if (!(error instanceof GeodataError)) throw error;
    }
  }
  return undefined;
}

/** The GeoJSON text of each part of the file to check, with the reader's notes and the CRS the file declares. */
async function sourcesOf(path: string, sourceLayer: string | null): Promise<{ name: string; input: Uint8Array | string; crs?: string; notes: ImportMessage[] }[]> {
  const bytes = await readBytes(path);
  if (isGeoJsonBytes(path, bytes)) {
    if (sourceLayer !== null) throw new Unreadable('--source-layer 只用于含多个图层的文件 / --source-layer applies to files with several layers (GeoPackage, DXF, Excel)');
    return [{ name: basename(path), input: bytes, notes: [] }];
  }
  const read = await importedLayers(path, sourceLayer);
  if (!read.ok) throw new Unreadable(`${read.summary}${read.details ? `\n${read.details.trimEnd()}` : ''}`);
  return read.layers.map((layer) => ({
    name: read.layers.length > 1 && layer.geometryKind ? `${basename(path)} (${layer.sourceLayer ?? layer.name}, ${layer.geometryKind})` : basename(path),
    input: layer.text,
    ...(layer.crs?.epsg || layer.crs?.wkt ? { crs: layer.crs.epsg ?? layer.crs.wkt } : {}),
    notes: layer.warnings,
  }));
}

async function validateFile(path: string, layerId: string | null, sourceLayer: string | null, options: ValidateGeoJsonOptions): Promise<FileResult[]> {
  const sources = await sourcesOf(path, sourceLayer);
  const nearby = await nearbyManifest(path);
  const layer = layerId === null ? undefined : nearby?.manifest.layers.find((candidate) => candidate.id === layerId);
  if (layerId !== null && (!nearby || !layer))
    throw new Unreadable(`--layer ${layerId}: 图层清单中没有该图层 / no such layer in ${nearby ? 'layers.json' : 'any layers.json'}${nearby ? ` (${nearby.manifest.layers.map((known) => known.id).join(', ')})` : ''}`);
  const schemas = nearby && layer ? await readSchemas(nearby.directory) : undefined;
  const results: FileResult[] = [];
  for (const source of sources) {
    // A --crs given on the command line wins over what the file says; the validator refuses a contradiction (input rule C3).
    const crsOptions = options.declaredCrs === undefined && source.crs ? { ...options, declaredCrs: source.crs } : options;
    let result: FileResult;
    if (!nearby || !layer || !schemas) result = fileResult(source.name, await validateGeoJson(source.input, { ...crsOptions, districtBounds: nearby?.manifest.district.bounds }));
    else {
      const report = await validateGeoJson(source.input, { ...crsOptions, layer, manifest: nearby.manifest, schemas });
      result = fileResult(source.name, await withPlausibility(report, layer, nearby.manifest, nearby.directory, true), layer);
    }
    if (source.notes.length > 0) result.notes = source.notes;
    results.push(result);
  }
  return results;
}

function issueLine(file: string, severity: 'problem' | 'warning', issue: ValidationIssue): string {
  const label = severity === 'problem' ? '错误 problem' : '警告 warning';
  const where = issue.location ? ` @ [${issue.location.join(', ')}]` : '';
  return `${label}  ${file}  ${issue.path || '/'}  [${issue.code}]  ${issue.message.zh} / ${issue.message.en}${where}`;
}

function humanReport(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const problem of result.problems) lines.push(issueLine(result.file, 'problem', problem));
    for (const warning of result.warnings) lines.push(issueLine(result.file, 'warning', warning));
    for (const note of result.notes ?? []) lines.push(`注意 note  ${result.file}  [${note.code}]  ${note.message.zh} / ${note.message.en}`);
    if (result.hint) lines.push(`提示 hint  ${result.file}  ${result.hint.message.zh} / ${result.hint.message.en}`);
    const counted = result.features === undefined ? '' : `, ${result.features} 个要素 features`;
    const shift = result.reprojection?.datumShift;
    const reprojected = result.reprojection ? `, 已从 ${result.reprojection.from} ${shift ? `经转换参数“${shift}” ` : ''}转换 / reprojected from ${result.reprojection.from}${shift ? ` with the datum shift "${shift}"` : ''}` : '';
    lines.push(
      result.valid
        ? `✓ ${result.file}: 有效 / valid${counted}${reprojected}${result.warnings.length ? `, ${result.warnings.length} 个警告 warnings` : ''}`
        : `✗ ${result.file}: ${result.problems.length} 个问题 / problems`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function run(args: ValidateArguments): Promise<number> {
  const info = await stat(args.path).catch(() => undefined);
  if (!info) throw new Unreadable(`${args.path}: 找不到路径 / path not found`);
  const options: ValidateGeoJsonOptions = {};
  if (args.crs) options.declaredCrs = args.crs;
  if (args.from) options.convertFrom = args.from;
  if (args.datumShift) options.datumShift = await datumShiftOption(args.datumShift, args.path, info.isDirectory());
  const residuals = options.datumShift ? await residualLines(options.datumShift) : { lines: [] };
  if (info.isDirectory() && (args.layerId !== null || args.sourceLayer !== null)) throw new Unreadable('--layer 和 --source-layer 只用于单个文件 / --layer and --source-layer apply to a single file');
  const results = info.isDirectory() ? await validateDirectory(args.path, options) : await validateFile(args.path, args.layerId, args.sourceLayer, options);
  const valid = results.every((result) => result.valid);
  const datumShift = options.datumShift ? { datumShift: { profile: options.datumShift.profile.name, ...(residuals.residuals ? { residuals: residuals.residuals } : {}) } } : {};
  process.stdout.write(args.json ? `${JSON.stringify({ valid, files: results, ...datumShift })}\n` : `${residuals.lines.map((line) => `${line}\n`).join('')}${humanReport(results)}`);
  return valid ? EXIT_VALID : EXIT_PROBLEMS;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseValidateArguments(argv);
  if (!parsed.ok) {
    process.stderr.write(`错误 Error: 参数不正确 / bad arguments: ${parsed.message}\n用法 Usage: ${VALIDATE_USAGE}\n`);
    return EXIT_UNREADABLE;
  }
  if (parsed.value.help) {
    process.stdout.write(`用法 Usage: ${VALIDATE_USAGE}\n`);
    return EXIT_VALID;
  }
  try {
    return await run(parsed.value);
  } catch (error) {
    if (error instanceof DatumShiftError) {
      process.stderr.write(`错误 Error: --datum-shift: ${error.message}\n`);
      return EXIT_UNREADABLE;
    }
    if (!(error instanceof Unreadable)) throw error;
    process.stderr.write(`错误 Error: 无法读取 / cannot read: ${error.message}\n`);
    return EXIT_UNREADABLE;
  }
}

process.exitCode = await main(process.argv.slice(2));
