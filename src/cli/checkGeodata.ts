import { resolve } from 'node:path';
import { validateGeodata } from '../domain/schemaValidation';
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
  if (problems.length === 0) {
    console.log(`✓ ${directory}: 数据有效 / geodata is valid (${Object.keys(input.layers).length} layers)`);
    return 0;
  }
  for (const problem of problems) {
    const where = problem.featureIndex !== undefined
      ? ` features[${problem.featureIndex}]${problem.featureId ? ` (${problem.featureId})` : ''}`
      : '';
    console.log(`${problem.file}${where} ${problem.path || '/'} [${problem.code}] ${problem.message}`);
  }
  console.log(`✗ ${problems.length} 个问题 / problems`);
  return 1;
}

process.exitCode = await main();
