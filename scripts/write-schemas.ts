/**
 * Writes the schema files of geodata/schema/ that come from the code: layers.schema.json and
 * tour.schema.json from their contracts (src/domain/plan/manifest.ts, src/domain/tour/tour.ts), and
 * <layer-id>.schema.json for every layer of geodata/layers.json.
 * Run after changing a contract or layers.json:  npx tsx scripts/write-schemas.ts
 * tests/unit/geodata.test.ts fails while a written file differs from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geodataSchemaFiles } from '../src/domain/plan/geodataSchemaFiles';
import type { Manifest } from '../src/domain/plan/manifest';
import { manifestIssues } from '../src/domain/plan/manifestIssues';

function main(): void {
  const geodataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata');
  const schemaDir = join(geodataDir, 'schema');
  const manifestJson: unknown = JSON.parse(readFileSync(join(geodataDir, 'layers.json'), 'utf8'));
  // Refuse to write from a broken manifest: the layer schemas would encode the mistake.
  const problems = manifestIssues(manifestJson);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`layers.json${problem.path ? ` ${problem.path}` : ''}: ${problem.message.zh} / ${problem.message.en}`);
    process.exitCode = 1;
    return;
  }
  // Checked above against the manifest's contract.
  const manifest = manifestJson as Manifest;
  for (const [fileName, text] of geodataSchemaFiles(manifest)) {
    const path = join(schemaDir, fileName);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    writeFileSync(path, text);
    console.log(`wrote geodata/schema/${fileName}`);
  }
}

main();
