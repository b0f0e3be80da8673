/** The binary fixtures of tests/fixtures/import (written by build-fixtures.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORT_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'import');

export const importFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(IMPORT_FIXTURES, name)));
