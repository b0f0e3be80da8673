import { parseManifest } from '../../data/parseGeodata';
import type { DocumentChange } from '../../domain/changes/documentChange';
import type { Manifest } from '../../domain/plan/manifest';
import { manifestChanges } from '../../domain/plan/manifestChanges';
import { manifestIssues } from '../../domain/plan/manifestIssues';
import { withManifestPlaces } from '../../domain/plan/manifestPlaceText';
import { removedStatusProblems } from '../../domain/plan/removedStatusProblems';
import { validateGeodata } from '../../domain/plan/schemaValidation';
import { statusUseCounts } from '../../domain/plan/statusUseCounts';
import type { SaveProblem, ValidationIssue } from '../../domain/validation/validationReport';
import { layerFileName } from '../../data/layerFileName';
import { parseDocumentJson } from './parseDocumentJson';
import type { PreparedDocumentSave, SavedDocumentContext } from './savedDocumentRules';

/** A plan that breaks every feature of a layer would list thousands; the first ones say what to fix. */
const MAX_PROBLEMS = 50;

function manifestOrNull(bytes: Buffer | null): { json: unknown; manifest: Manifest } | null {
  if (!bytes) return null;
  try {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return { json: JSON.parse(text), manifest: parseManifest(text, 'layers.json') };
  } catch {
    return null;
  }
}

const issueKey = (issue: ValidationIssue): string => JSON.stringify([issue.file, issue.featureIndex, issue.path, issue.code]);

/** A problem in a layer file names the file, since the admin is looking at layers.json. */
function asSaveProblem(issue: ValidationIssue): SaveProblem {
  const { file, ...problem } = issue;
  if (!file || file === 'layers.json') return problem;
  const where = issue.featureId ? `${file} ${issue.featureId}` : file;
  return { ...problem, message: { zh: `${where}：${issue.message.zh}`, en: `${where}: ${issue.message.en}` } };
}

/**
 * The checks of a new layers.json, the same as `check-data`'s: its contract and consistency
 * rules, then, under the store's lock against the plan it replaces, no status that features use
 * may leave its layer, and no layer file may stop loading under the new plan (problems the files
 * already had are not the admin's to fix here). The file is stored as formatted JSON.
 */
export async function preparePlanManifestSave(body: Buffer, context: SavedDocumentContext): Promise<PreparedDocumentSave> {
  const parsed = parseDocumentJson(body, 'layers.json');
  if ('problem' in parsed) return { problems: [parsed.problem] };
  const { json } = parsed;
  const shapeProblems = manifestIssues(json);
  if (shapeProblems.length > 0) return { problems: withManifestPlaces(shapeProblems.slice(0, MAX_PROBLEMS), json).map(asSaveProblem) };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const manifest = parseManifest(text, 'layers.json');

  const layers: Record<string, unknown> = {};
  for (const { id } of manifest.layers) {
    const layerText = (await context.geodata.read(layerFileName(id)))?.toString('utf8') ?? null;
    if (layerText === null) continue;
    try {
      layers[id] = JSON.parse(layerText.replace(/^\uFEFF/, ''));
    } catch {
      layers[id] = null;
    }
  }
  const { schemas } = await context.catalog();

  return {
    bytes: Buffer.from(text),
    check: (beforeBytes) => {
      const before = manifestOrNull(beforeBytes);
      const useCounts = Object.fromEntries(Object.entries(layers).map(([id, layer]) => [id, statusUseCounts(layer)]));
      const inUse = before ? removedStatusProblems(before.manifest, manifest, useCounts) : [];
      if (inUse.length > 0) return { problems: withManifestPlaces(inUse, json).map(asSaveProblem) };
      const known = new Set((before ? validateGeodata(before.json, layers, schemas) : []).map(issueKey));
      const introduced = validateGeodata(json, layers, schemas).filter((issue) => !known.has(issueKey(issue)));
      if (introduced.length > 0) return { problems: withManifestPlaces(introduced.slice(0, MAX_PROBLEMS), json).map(asSaveProblem) };
      const changes: DocumentChange[] = before
        ? manifestChanges(before.manifest, manifest)
        : [{ path: '', text: { zh: '替换了无法读取的 layers.json', en: 'replaced a layers.json that could not be read' } }];
      return { changes };
    },
  };
}
