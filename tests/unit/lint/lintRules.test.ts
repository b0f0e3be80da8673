import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/runCli';

/*
 * The lint as `npm run lint` runs it (same binary, same flags, same .oxlintrc.json) on the files of
 * tests/fixtures/lint/src, copied to a temporary folder as if they were the project's src/.
 */

interface Finding {
  file: string;
  line: number;
  rule: string;
}

interface OxlintDiagnostic {
  code?: string;
  filename: string;
  labels?: { span: { line: number } }[];
}

const PARTS_OF_SRC = ['cli', 'data', 'domain', 'map', 'server', 'ui'];
const temporaryDirectories: string[] = [];
let findings: Finding[] = [];

function lintArguments(): string[] {
  const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...flags] = (packageJson.scripts.lint ?? '').split(/\s+/);
  expect(command).toBe('oxlint');
  return flags;
}

async function lintFixtures(): Promise<Finding[]> {
  const directory = mkdtempSync(join(tmpdir(), 'plan-map-lint-'));
  temporaryDirectories.push(directory);
  cpSync(join(projectRoot, '.oxlintrc.json'), join(directory, '.oxlintrc.json'));
  cpSync(join(projectRoot, 'tests', 'fixtures', 'lint', 'src'), join(directory, 'src'), { recursive: true });
  const oxlint = join(projectRoot, 'node_modules', '.bin', 'oxlint');
  const output = await promisify(execFile)(oxlint, [...lintArguments(), '--format', 'json', 'src'], { cwd: directory, encoding: 'utf8' })
    .then(({ stdout }) => stdout)
    .catch((error: { stdout?: string }) => error.stdout ?? '');
  const { diagnostics } = JSON.parse(output) as { diagnostics: OxlintDiagnostic[] };
  return diagnostics.map((diagnostic) => ({
    file: diagnostic.filename.split(sep).join('/'),
    line: diagnostic.labels?.[0]?.span.line ?? 0,
    rule: diagnostic.code ?? 'unused-disable-directive',
  }));
}

const findingsIn = (file: string): string[] =>
  findings.filter((finding) => finding.file === file).map((finding) => `${finding.line} ${finding.rule}`).sort();

beforeAll(async () => {
  findings = await lintFixtures();
});

afterAll(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const BOUNDARY_CASES: [behaviour: string, file: string, expected: string[]][] = [
  ['let domain import other domain files and pure libraries', 'src/domain/squareArea.ts', []],
  ['stop domain importing MapLibre', 'src/domain/drawsOnMap.ts', ['2 eslint(no-restricted-imports)']],
  ['stop domain calling fetch', 'src/domain/fetchesLayers.ts', ['2 eslint(no-restricted-globals)']],
  ['stop a file deep in domain importing from ui', 'src/domain/validation/readsPanelState.ts', ['2 eslint(no-restricted-imports)']],
  ['let ui import domain and map', 'src/ui/panelState.ts', []],
  ['stop map importing data', 'src/map/drawsLayerFile.ts', ['2 eslint(no-restricted-imports)']],
  ['stop cli reaching into the server', 'src/cli/listSessions.ts', ['2 eslint(no-restricted-imports)']],
];

describe('import boundaries between the parts of src', () => {
  it.each(BOUNDARY_CASES)('%s', (_behaviour, file, expected) => {
    expect(findingsIn(file)).toEqual(expected);
  });

  it('rely on no folder inside src being named after a part of src, tests or scripts', () => {
    // The boundary patterns read `../ui/x` and `../../ui/x` as src/ui: true only while this holds.
    expect(readdirSync(join(projectRoot, 'src')).sort()).toEqual(PARTS_OF_SRC);
    const reserved = new Set([...PARTS_OF_SRC, 'tests', 'scripts']);
    const misleading = PARTS_OF_SRC.flatMap((part) =>
      readdirSync(join(projectRoot, 'src', part), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isDirectory() && reserved.has(entry.name))
        .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name))));
    expect(misleading).toEqual([]);
  });
});

describe('the other rules', () => {
  it('report `any` and a variable nobody reads', () => {
    expect(findingsIn('src/domain/looseValue.ts')).toEqual(['2 typescript(no-explicit-any)', '3 eslint(no-unused-vars)']);
  });

  it('report an effect that reads a value it does not list, and a disable comment that silences nothing', () => {
    expect(findingsIn('src/ui/StaleCount.tsx')).toEqual(['7 react-hooks(exhaustive-deps)', '9 unused-disable-directive']);
  });

  it('find nothing else in the fixtures', () => {
    const expectedFiles = ['drawsLayerFile.ts', 'drawsOnMap.ts', 'fetchesLayers.ts', 'listSessions.ts', 'looseValue.ts', 'readsPanelState.ts', 'StaleCount.tsx'];
    expect([...new Set(findings.map((finding) => finding.file.split('/').pop()))].sort()).toEqual(expectedFiles.sort());
  });
});
