import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { geodataSchemaFiles } from '../domain/plan/geodataSchemaFiles';
import { validateTour } from '../domain/tour/validateTour';
import { parseDatumShifts } from '../domain/datum/datumShiftProfile';
import { readGeodataDirectory, readTextFile } from '../data/readGeodataDirectory';
import { validateGeodata } from '../domain/plan/schemaValidation';
import { readGeodataForValidation } from '../data/readGeodataForValidation';
import { vectorBasemapOfFile } from '../data/basemap/vectorBasemapOfFile';
import { parseManifest } from '../data/parseGeodata';
import { checkControlLines } from './checkControlLines';
import { validationProblemLine } from './validationProblemLine';

/**
 * `npm run --silent check-data -- [dir]`: checks a geodata folder against its JSON Schemas and the
 * consistency rules. Exit 0 when valid, 1 when there are problems, 2 when it cannot be read.
 */
async function main(): Promise<number> {
  const directory = resolve(process.argv[2] ?? 'geodata');
  let input;
  try {
    input = await readGeodataForValidation(directory);
  } catch (error) {
    console.error(`无法读取 / cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const problems = validateGeodata(input.manifestJson, input.layers, input.schemas);
  const fileLines = [...(await checkTour(directory)), ...(await checkControlLines(directory)), ...(await checkDatumShifts(directory)), ...(problems.length === 0 ? await checkVectorBasemap(directory) : [])];
  for (const line of fileLines) console.log(line);
  if (problems.length === 0 && fileLines.length === 0) {
    for (const line of await refreshEditorSchemas(directory)) console.log(line);
    console.log(`✓ ${directory}: 数据有效 / geodata is valid (${Object.keys(input.layers).length} layers)`);
    return 0;
  }
  for (const problem of problems) console.log(validationProblemLine(problem));
  console.log(`✗ ${problems.length + fileLines.length} 个问题 / problems`);
  return 1;
}

/**
 * The schema files editors validate against while staff type (each file's "$schema"), derived from
 * layers.json: written when missing or stale, so adding a layer needs no separate step. Nothing
 * reads them to validate; a folder where they cannot be written is still valid.
 */
async function refreshEditorSchemas(directory: string): Promise<string[]> {
  const manifest = parseManifest(await readTextFile(join(directory, 'layers.json')));
  const lines: string[] = [];
  for (const [fileName, text] of geodataSchemaFiles(manifest)) {
    const path = join(directory, 'schema', fileName);
    const current = existsSync(path) ? await readFile(path, 'utf8') : undefined;
    if (current === text) continue;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      lines.push(`已更新编辑器用模式文件 / wrote editor schema: schema/${fileName}`);
    } catch (error) {
      lines.push(`未能写入 / could not write schema/${fileName} (${error instanceof Error ? error.message : String(error)}); 数据仍有效 / the data is still valid`);
    }
  }
  return lines;
}

/** The optional vector basemap: the archive layers.json names must be there, vector tiles of the schema it says. */
async function checkVectorBasemap(directory: string): Promise<string[]> {
  const { basemap } = parseManifest(await readTextFile(join(directory, 'layers.json')));
  if (!basemap) return [];
  const path = join(directory, basemap.pmtiles);
  if (!existsSync(path))
    return [`layers.json /basemap/pmtiles [MISSING_FILE] 找不到底图文件 ${basemap.pmtiles}：请放入该文件，或删去 basemap 项 / the basemap file ${basemap.pmtiles} is missing: put it there, or remove the basemap member`];
  const found = await vectorBasemapOfFile(path);
  if (!found.ok) return [`${basemap.pmtiles} [BASEMAP_UNREADABLE] ${found.problem.zh} / ${found.problem.en}`];
  if (found.schema !== basemap.schema)
    return [`layers.json /basemap/schema [BASEMAP_SCHEMA] 底图瓦片是 ${found.schema} 结构，而不是 ${basemap.schema}：请把 schema 改为 "${found.schema}" / the archive's tiles are in the ${found.schema} schema, not ${basemap.schema}: set schema to "${found.schema}"`];
  return [];
}

/** The optional guided tour: checked against its contract and the data it points at. */
async function checkTour(directory: string): Promise<string[]> {
  const tourPath = join(directory, 'tour.json');
  if (!existsSync(tourPath)) return [];
  try {
    const { manifest, layers } = await readGeodataDirectory(directory);
    const featureIds = new Map(layers.map(({ definition, collection }) => [definition.id, new Set(collection.features.map((feature) => feature.id))]));
    const problems = validateTour(JSON.parse(await readTextFile(tourPath)), manifest, featureIds);
    return problems.map((problem) => `tour.json ${problem.path || '/'} [${problem.code}] ${problem.message.zh} / ${problem.message.en}`);
  } catch (error) {
    return [`tour.json: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** The optional datum-shift profiles: checked against their contract (docs/input-rules.md, C11). */
async function checkDatumShifts(directory: string): Promise<string[]> {
  const path = join(directory, 'datum-shifts.json');
  if (!existsSync(path)) return [];
  try {
    const parsed = parseDatumShifts(JSON.parse(await readTextFile(path)));
    return parsed.ok ? [] : parsed.issues.map((problem) => `datum-shifts.json ${problem.path || '/'} [${problem.code}] ${problem.message.zh} / ${problem.message.en}`);
  } catch (error) {
    return [`datum-shifts.json: ${error instanceof Error ? error.message : String(error)}`];
  }
}

process.exitCode = await main();
