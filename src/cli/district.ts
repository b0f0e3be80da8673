import { copyFile, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { DistrictDefinition, LocalizedText, Manifest, VectorBasemap } from '../domain/plan/manifest';
import { geodataSchemaFiles } from '../domain/plan/geodataSchemaFiles';
import { districtView } from '../domain/district/districtView';
import { combinedBoundary, districtBasemapFiles, type NamedArea } from '../domain/district/districtBasemapFiles';
import { newDistrictManifest } from '../domain/district/newDistrictManifest';
import { pmtilesFileName } from '../domain/district/pmtilesFileName';
import { todayIsoDate } from '../domain/dates/todayIsoDate';
import { featureCollectionText } from '../data/featureCollectionText';
import { parseManifest } from '../data/parseGeodata';
import { readPolygonFeatures, type PolygonFileResult } from '../data/district/readPolygonFeatures';
import { vectorBasemapOfFile } from '../data/basemap/vectorBasemapOfFile';
import type { DatumShiftChoice } from '../domain/crs/declaredCrsTransform';
import type { DatumShifts } from '../domain/datum/datumShiftProfile';
import { datumShiftChoice } from '../data/crs/validateWithCrsRegistry';
import { readCrsDefinition } from '../data/crs/readCrsDefinition';
import { DatumShiftError, profileNamed, profileNames, readDatumShiftsFile } from '../data/datum/readDatumShifts';
import { residualLines } from './datumShiftOption';
import { DISTRICT_USAGE, parseDistrictArguments, type DistrictBoundsArguments, type DistrictInitArguments } from './districtArguments';

/**
 * `npm run --silent district -- init ...`: a new geodata folder from a district's boundary (and
 * optionally its sub-districts and a PMTiles basemap), ready for check-data, stats and the app.
 * Exit 0 when written, 1 when an input is refused, 2 for bad arguments or a folder in the way.
 */

const EXIT_WRITTEN = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;
/** The product's own layers.json and schemas: the lifecycles and colours a new district starts with. */
const PROJECT_GEODATA = join(import.meta.dirname, '..', '..', 'geodata');

class Refused extends Error {
  constructor(readonly lines: LocalizedText[], readonly exitCode = EXIT_REFUSED) {
    super(lines.map((line) => line.en).join('; '));
  }
}

const say = (line: LocalizedText): string => `${line.zh} / ${line.en}`;

async function readInput(path: string, what: LocalizedText): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Refused([code === 'ENOENT'
      ? { zh: `找不到${what.zh} ${path}：请检查路径`, en: `${what.en} ${path} not found: check the path` }
      : { zh: `无法读取${what.zh} ${path}（${code}）`, en: `cannot read ${what.en} ${path} (${code})` }]);
  }
}

/** The profile `--datum-shift` chooses, and the datum-shifts.json it comes from (written into the new folder). */
interface ChosenShift {
  choice: DatumShiftChoice;
  shifts: DatumShifts;
}

/**
 * `--datum-shift <name> --datum-shifts <file>` names a profile of that file; `--datum-shift <file>`
 * alone is a datum-shifts.json with just one profile, so the choice is never a guess.
 */
async function chosenShift(args: DistrictBoundsArguments): Promise<ChosenShift | undefined> {
  const { datumShift, datumShifts } = args;
  if (!datumShift) return undefined;
  try {
    if (datumShifts) {
      const shifts = await readDatumShiftsFile(datumShifts);
      return { shifts, choice: await datumShiftChoice(profileNamed(datumShifts, shifts, datumShift), readCrsDefinition) };
    }
    if (!(await stat(datumShift).then((info) => info.isFile(), () => false)))
      throw new Refused([{ zh: `找不到文件 ${datumShift}：按名称选择转换参数时，请用 --datum-shifts <datum-shifts.json> 给出参数文件`, en: `no file ${datumShift}: to choose a profile by name, give its file with --datum-shifts <datum-shifts.json>` }], EXIT_USAGE);
    const shifts = await readDatumShiftsFile(datumShift);
    const [only, ...others] = shifts.profiles;
    if (!only || others.length > 0)
      throw new Refused([{ zh: `${datumShift} 中有 ${shifts.profiles.length} 组转换参数（${profileNames(shifts)}）：请用 --datum-shift <参数名> --datum-shifts ${datumShift} 选择一组`, en: `${datumShift} holds ${shifts.profiles.length} profiles (${profileNames(shifts)}): choose one with --datum-shift <name> --datum-shifts ${datumShift}` }], EXIT_USAGE);
    return { shifts, choice: await datumShiftChoice(only, readCrsDefinition) };
  } catch (error) {
    if (error instanceof DatumShiftError) throw new Refused([{ zh: error.message, en: error.message }]);
    throw error;
  }
}

async function readAreas(path: string, what: LocalizedText, args: DistrictBoundsArguments, shift?: ChosenShift): Promise<Extract<PolygonFileResult, { ok: true }>> {
  const result = await readPolygonFeatures(basename(path), await readInput(path, what), {
    ...(args.crs ? { declaredCrs: args.crs } : {}),
    ...(args.from ? { convertFrom: args.from } : {}),
    ...(shift ? { datumShift: shift.choice } : {}),
  });
  if (!result.ok) {
    throw new Refused([
      { zh: `${what.zh} ${path} 无法使用：`, en: `${what.en} ${path} cannot be used:` },
      ...result.problems,
      { zh: '请修正文件，或用 --crs EPSG:xxxx / --from gcj02|bd09 说明坐标系（西安 80、北京 54 另需 --datum-shift 转换参数）后重试', en: 'fix the file, or state its coordinate system with --crs EPSG:xxxx / --from gcj02|bd09 (and for Xi\'an 1980 or Beijing 1954 a profile with --datum-shift), and try again' },
    ]);
  }
  return result;
}

async function subDistricts(args: DistrictInitArguments, notes: string[], shift: ChosenShift | undefined): Promise<NamedArea[]> {
  if (!args.streets || !args.streetField) return [];
  const what = { zh: '街道文件', en: 'sub-district file' };
  const field = args.streetField;
  const read = await readAreas(args.streets, what, args, shift);
  const areas: NamedArea[] = [];
  for (const [index, feature] of read.features.entries()) {
    const value = feature.properties?.[field];
    const name = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    if (name === '') {
      const fields = Object.keys(feature.properties ?? {}).join(', ') || '（无 none）';
      throw new Refused([{
        zh: `街道文件 ${args.streets} 第 ${index + 1} 个要素的属性 ${field} 为空或不存在；该文件的属性有：${fields}。请用 --street-field 指定存放街道名称的属性`,
        en: `sub-district file ${args.streets}: feature ${index + 1} has no value in property ${field}; the file's properties are: ${fields}. Name the property holding each sub-district's name with --street-field`,
      }]);
    }
    areas.push({ name, geometry: feature.geometry });
  }
  const names = areas.map((area) => area.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) notes.push(say({ zh: `街道名称「${repeated}」出现多次，街道菜单中会合并显示`, en: `the sub-district name "${repeated}" appears more than once; the street menu shows them as one` }));
  notes.push(...read.notes.map((note) => say({ zh: `街道文件：${note.zh}`, en: `sub-district file: ${note.en}` })));
  return areas;
}

async function checkOut(out: string): Promise<void> {
  const entries = await readdir(out).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') return ['(file)'];
    throw error;
  });
  if (entries && entries.length > 0)
    throw new Refused([{ zh: `输出文件夹 ${out} 已存在且不是空的，为免覆盖数据已停止：请换一个 --out，或先移走其中的文件`, en: `the output folder ${out} exists and is not empty; stopped so nothing is overwritten: choose another --out or move its files away first` }], EXIT_USAGE);
}

function planPeriod(args: DistrictInitArguments, notes: string[]): Pick<DistrictDefinition, 'planStart' | 'planEnd'> {
  if (args.planStart && args.planEnd) return { planStart: args.planStart, planEnd: args.planEnd };
  const year = Number(todayIsoDate().slice(0, 4));
  const period = { planStart: `${year}-01-01`, planEnd: `${year + 4}-12-31` };
  notes.push(say({ zh: `未给出规划期，暂用 ${period.planStart} 至 ${period.planEnd}（五年）；可用 --plan-start/--plan-end 指定`, en: `no plan period given: ${period.planStart} to ${period.planEnd} (five years) for now; set it with --plan-start/--plan-end` }));
  return period;
}

async function basemapArchive(args: DistrictInitArguments, bounds: DistrictDefinition['bounds'], notes: string[]): Promise<VectorBasemap | undefined> {
  if (!args.basemap) return undefined;
  await readInput(args.basemap, { zh: '底图文件', en: 'basemap file' });
  const check = await vectorBasemapOfFile(args.basemap);
  if (!check.ok) throw new Refused([{ zh: `底图文件 ${args.basemap}：${check.problem.zh}`, en: `basemap file ${args.basemap}: ${check.problem.en}` }]);
  const [west, south, east, north] = check.bounds;
  if (west > bounds[0] || south > bounds[1] || east < bounds[2] || north < bounds[3])
    notes.push(say({ zh: `底图 ${args.basemap} 的范围 [${check.bounds.join(', ')}] 未完全覆盖本区 [${bounds.join(', ')}]，区外部分将是空白`, en: `the basemap ${args.basemap} covers [${check.bounds.join(', ')}], not all of the district [${bounds.join(', ')}]; the rest stays blank` }));
  return { pmtiles: `basemap/${pmtilesFileName(basename(args.basemap))}`, schema: check.schema };
}

async function templateManifest(): Promise<Manifest> {
  const path = join(PROJECT_GEODATA, 'layers.json');
  return parseManifest((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''), path);
}

/** Everything is written into a folder beside `out` and renamed into place: a failure leaves no half district. */
async function writeDistrict(out: string, manifest: Manifest, basemap: Map<string, FeatureCollection>, archive: string | undefined, shifts: DatumShifts | undefined): Promise<void> {
  const staging = join(dirname(out), `.${basename(out)}.district-init-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(join(staging, 'basemap'), { recursive: true });
    await mkdir(join(staging, 'schema'));
    await writeFile(join(staging, 'layers.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const { id: layerId } of manifest.layers) await writeFile(join(staging, `${layerId}.geojson`), featureCollectionText([]));
    for (const [fileName, text] of geodataSchemaFiles(manifest)) await writeFile(join(staging, 'schema', fileName), text);
    // Written by hand, not from a contract (scripts/write-schemas.ts): the project's file is the one definition.
    await copyFile(join(PROJECT_GEODATA, 'schema', 'plan-layer.schema.json'), join(staging, 'schema', 'plan-layer.schema.json'));
    for (const [name, collection] of basemap) await writeFile(join(staging, 'basemap', `${name}.geojson`), featureCollectionText(collection.features));
    if (archive && manifest.basemap) await copyFile(archive, join(staging, manifest.basemap.pmtiles));
    // The profiles the boundary was shifted with stay with the district, so imports of the same survey use them too;
    // without any, an empty file, which the admin screen saves into (the store replaces a file, it does not create one).
    await writeFile(join(staging, 'datum-shifts.json'), `${JSON.stringify({ $schema: 'schema/datum-shifts.schema.json', profiles: shifts?.profiles ?? [] }, null, 2)}\n`);
    await rmdir(out).catch(() => undefined);
    await rename(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function init(args: DistrictInitArguments): Promise<void> {
  const out = resolve(args.out);
  await checkOut(out);
  const notes: string[] = [];
  const shift = await chosenShift(args);
  if (shift) notes.push(...(await residualLines(shift.choice)).lines);
  const boundaryFile = await readAreas(args.boundary, { zh: '区界文件', en: 'boundary file' }, args, shift);
  if (boundaryFile.assumedDatum) notes.push(say(boundaryFile.assumedDatum));
  notes.push(...boundaryFile.notes.map(say));
  if (boundaryFile.features.length > 1)
    notes.push(say({ zh: `区界文件中有 ${boundaryFile.features.length} 个面要素，已合并为一个区；如文件含多个区，请先选出本区（例如在 QGIS 中导出所选要素）`, en: `the boundary file holds ${boundaryFile.features.length} polygon features, combined into one district; if it holds several districts, pick this one first (e.g. export the selected feature from QGIS)` }));
  const boundary = combinedBoundary(boundaryFile.features.map((feature) => feature.geometry));
  const view = districtView([boundary]);
  const name = { zh: args.name, en: args.nameEn ?? args.name };
  const district: DistrictDefinition = { name, ...planPeriod(args, notes), ...view };
  const streets = await subDistricts(args, notes, shift);
  const vectorBasemap = await basemapArchive(args, view.bounds, notes);
  const manifest = newDistrictManifest(await templateManifest(), district, vectorBasemap);
  await writeDistrict(out, manifest, districtBasemapFiles(name, boundary, streets), args.basemap, shift?.shifts);
  for (const note of notes) process.stdout.write(`提示 note: ${note}\n`);
  process.stdout.write([
    `✓ 已新建 ${args.name} 的数据文件夹 / created the data folder of ${name.en}: ${out}`,
    `  中心 centre [${view.center.join(', ')}], 缩放 zoom ${view.zoom}, 范围 bounds [${view.bounds.join(', ')}]`,
    `  街道 sub-districts: ${streets.length}; 底图 basemap: ${manifest.basemap ? `${manifest.basemap.pmtiles} (${manifest.basemap.schema})` : 'basemap/*.geojson'}`,
    `  下一步 next: npm run --silent check-data -- ${args.out}   然后 then: PLAN_MAP_GEODATA=${args.out} npm start`,
    '',
  ].join('\n'));
}

/** Margin around the district in a basemap extract, in degrees (about 2 km): roads and names just outside still show. */
const EXTRACT_MARGIN_DEGREES = 0.02;

/** Prints the boundary's extent, and the extract command that cuts a basemap for it. */
async function bounds(args: DistrictBoundsArguments): Promise<void> {
  const boundaryFile = await readAreas(args.boundary, { zh: '区界文件', en: 'boundary file' }, args, await chosenShift(args));
  for (const note of [boundaryFile.assumedDatum, ...boundaryFile.notes]) if (note) process.stdout.write(`提示 note: ${say(note)}\n`);
  const [west, south, east, north] = districtView(boundaryFile.features.map((feature) => feature.geometry)).bounds;
  const padded = [west - EXTRACT_MARGIN_DEGREES, south - EXTRACT_MARGIN_DEGREES, east + EXTRACT_MARGIN_DEGREES, north + EXTRACT_MARGIN_DEGREES].map((degrees) => degrees.toFixed(4));
  process.stdout.write([
    `范围 bounds (west,south,east,north): ${[west, south, east, north].join(',')}`,
    `含 2 公里边距的底图提取范围 / basemap extract with a 2 km margin: --bbox=${padded.join(',')}`,
    '',
  ].join('\n'));
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDistrictArguments(argv);
  if (!parsed.ok) {
    process.stderr.write(`错误 Error: ${say(parsed.message)}\n用法 Usage: ${DISTRICT_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    process.stdout.write(`用法 Usage: ${DISTRICT_USAGE}\n`);
    return EXIT_WRITTEN;
  }
  try {
    if (parsed.command === 'bounds') await bounds(parsed.value);
    else await init(parsed.value);
    return EXIT_WRITTEN;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    for (const line of error.lines) process.stderr.write(`错误 Error: ${say(line)}\n`);
    return error.exitCode;
  }
}

process.exitCode = await main(process.argv.slice(2));
