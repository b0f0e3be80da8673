import type { Contract, JsonSchema, SchemaDefinitions } from './Contract';

/** What a schema file says about itself besides its contract. */
export interface SchemaFileHeader {
  /** The file's name in geodata/schema/, e.g. "layers.schema.json". */
  id: string;
  title: string;
  /** Where the contract is defined, so nobody edits the written file instead. */
  source: string;
}

/**
 * The JSON Schema document of a contract, as written to geodata/schema/ by
 * `npx tsx scripts/write-schemas.ts` (tests/unit/geodata.test.ts fails when a file differs).
 */
export function schemaDocument(contract: Contract<unknown>, header: SchemaFileHeader): JsonSchema {
  const definitions: SchemaDefinitions = new Map();
  const root = contract.schema(definitions);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: header.id,
    $comment: `Written by scripts/write-schemas.ts from ${header.source}. Do not edit: change the contract there, then run npx tsx scripts/write-schemas.ts`,
    title: header.title,
    ...root,
    ...(definitions.size > 0 ? { $defs: Object.fromEntries(definitions) } : {}),
  };
}

/** The exact text of a schema file: two-space JSON and a final newline. */
export function schemaFileText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
