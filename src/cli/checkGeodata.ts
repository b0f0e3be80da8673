import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateTour } from '../domain/tour/validateTour';
import { parseDatumShifts } from '../domain/datum/datumShiftProfile';
import { readGeodataDirectory, readTextFile } from '../data/readGeodataDirectory';
import { validateGeodata } from '../domain/plan/schemaValidation';
import { readGeodataForValidation } from '../data/readGeodataForValidation';

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
  const tourLines = [...(await checkTour(directory)), ...(await checkDatumShifts(directory))];
  for (const line of tourLines) console.log(line);
  if (problems.length === 0 && tourLines.length === 0) {
    console.log(`✓ ${directory}: 数据有效 / geodata is valid (${Object.keys(input.layers).length} layers)`);
    return 0;
  }
  for (const problem of problems) {
    const where = problem.featureIndex !== undefined
      ? ` features[${problem.featureIndex}]${problem.featureId ? ` (${problem.featureId})` : ''}`
      : '';
    console.log(`${problem.file ?? ''}${where} ${problem.path || '/'} [${problem.code}] ${problem.message.zh} / ${problem.message.en}`);
  }
  console.log(`✗ ${problems.length + tourLines.length} 个问题 / problems`);
  return 1;
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
