import type pg from 'pg';
import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import type { PlanFeature, PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { SaveProblem } from '../../domain/validation/validationReport';
import { contentVersionOf } from '../../data/contentVersion';
import { featureCollectionText } from '../../data/featureCollectionText';
import { projectVersionOf, rawProjectsOf } from '../../data/projectVersion';
import { CHANGE_CHANNEL, type ChangeNotice } from '../../data/postgres/changeNotice';
import { insertVersion } from '../../data/postgres/insertVersion';
import { lockFeatureRow, placeInLayer, type LockedFeatureRow } from '../../data/postgres/lockFeatureRow';
import { featureRowOf } from '../../data/postgres/featureRows';
import { pruneVersions } from '../../data/postgres/pruneVersions';
import { advanceLayerAfterRow, deleteFeatureRow, writeFeatureRow } from '../../data/postgres/writeFeatureRow';
import type { ProjectContent, SaveOutcome, SaveRequest } from '../store/planStore';
import { FOUND_VERSION_SUMMARY } from '../store/saveDecision';
import { judgeLayerChange } from '../store/judgeLayerChange';
import { projectName, projectSaveRefusal } from '../store/projectSaveRefusal';
import type { SaveStepHook } from '../store/saveSteps';

/** The live layer as its locked plan_layer row says it, without its bytes. */
export interface LayerHead {
  version: string;
  featureCount: number;
  /** The version plan_layer.bytes holds when it lags (migration 006); null when the bytes are live. */
  bytesVersion: string | null;
  /** The sums of the projects' measures (migration 006). */
  areaSquareMeters: number;
  lengthMeters: number;
}

export interface OneRowSave {
  client: pg.PoolClient;
  request: SaveRequest;
  content: ProjectContent;
  layer: LayerHead;
  schema: string;
  keepVersions: number;
  step: SaveStepHook;
}

/**
 * A save of one project of a large layer, inside the transaction that locked the layer's row: the
 * project's row is locked and checked against the version the client edited, the project validated
 * by the engine that validates whole layers, the save judged by the rules whole-layer saves pass (judgeLayerChange.ts)
 * on that project and the rest of the layer's totals; then only its row changes, with a version
 * entry holding that project, the audit record and the change notice. The layer's bytes are left
 * as they were and rebuilt when a whole layer is next read (readLiveLayer).
 */
export async function saveOneRow({ client, request, content, layer, schema, keepVersions, step }: OneRowSave): Promise<SaveOutcome> {
  const { id } = request.definition;
  const stored = await lockFeatureRow(client, id, content.projectId);
  const refusal = projectSaveRefusal(content, stored ? { version: stored.version, name: projectName(stored.project) } : null, layer.version);
  if (refusal) return refusal;

  let project: RawProject | null = null;
  let after: PlanFeature[] = [];
  if (content.project) {
    const checked = request.revalidate(Buffer.from(featureCollectionText([content.project])));
    if ('problems' in checked) {
      const place = await placeInLayer(client, id, stored?.ordinal ?? null);
      return { kind: 'composed-invalid', problems: checked.problems.map((problem) => inLayer(problem, place)), currentVersion: layer.version };
    }
    project = rawProjectsOf(checked.bytes)[0] ?? null;
    after = checked.collection.features;
    if (!project) throw new Error(`the validator accepted ${content.projectId} but returned no project`);
  }
  const projectVersion = project ? projectVersionOf(project) : null;
  if (stored && projectVersion === stored.version) return { kind: 'unchanged', version: layer.version };

  const version = contentVersionOf(Buffer.from(`${layer.version}\n${content.projectId}\n${projectVersion ?? 'removed'}`));
  const measured = project ? featureRowOf(project, 0) : null;
  const change = {
    count: (project ? 1 : 0) - (stored ? 1 : 0),
    areaSquareMeters: (measured?.areaSquareMeters ?? 0) - (stored?.areaSquareMeters ?? 0),
    lengthMeters: (measured?.lengthMeters ?? 0) - (stored?.lengthMeters ?? 0),
  };
  // The rest of the layer as the plausibility check weighs it: the layer's sums without this project.
  const rest = {
    count: layer.featureCount - (stored ? 1 : 0),
    areaSquareMeters: layer.areaSquareMeters - (stored?.areaSquareMeters ?? 0),
    lengthMeters: layer.lengthMeters - (stored?.lengthMeters ?? 0),
  };
  const before: PlanFeatureCollection = { type: 'FeatureCollection', features: stored ? [stored.project as PlanFeature] : [] };
  const judged = judgeLayerChange(request, {
    before,
    after: { type: 'FeatureCollection', features: after },
    countBefore: layer.featureCount,
    countAfter: layer.featureCount + change.count,
    rest,
    fromVersion: layer.version,
    toVersion: version,
  });
  if ('refused' in judged) return judged.refused;
  const { record, summary } = judged;

  const previousSize = await keepLiveVersion(client, id, layer);
  step('disk-version-kept');
  const text = project ? JSON.stringify(project) : null;
  const sizeBytes = previousSize + sizeChange(layer.featureCount, stored, text);
  await insertVersion(client, id, { version, time: record.time, user: record.user, sizeBytes, summary }, { projectId: content.projectId, text });
  step('new-content-written');
  if (project) await writeFeatureRow(client, id, project, stored?.ordinal ?? null);
  else await deleteFeatureRow(client, id, content.projectId);
  await advanceLayerAfterRow(client, id, version, change, content.projectId);
  step('layer-renamed');
  await client.query('INSERT INTO plan_audit (layer, record) VALUES ($1, $2)', [id, JSON.stringify(record)]);
  step('audit-appended');
  await pruneVersions(client, id, keepVersions);
  step('version-listed');
  const notice: ChangeNotice = { schema, layer: id, version };
  await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
  return { kind: 'saved', version, record };
}

/**
 * The live version is kept before the first save that changes it, as every store keeps it (a
 * layer imported or saved whole and never saved since): copied from plan_layer in the database,
 * never read out. Returns the live version's size.
 */
async function keepLiveVersion(client: pg.PoolClient, layer: string, head: LayerHead): Promise<number> {
  const kept = await client.query<{ size_bytes: number }>('SELECT size_bytes FROM plan_version WHERE key = $1 AND version = $2 ORDER BY sequence DESC LIMIT 1', [layer, head.version]);
  const size = kept.rows[0]?.size_bytes;
  if (size !== undefined) return size;
  if (head.bytesVersion !== null) throw new Error(`layer ${layer}: the live version ${head.version} is not kept and its bytes lag`);
  const { rows } = await client.query<{ size: number }>(
    `INSERT INTO plan_version (key, sequence, version, time, user_name, size_bytes, summary, bytes)
     SELECT $1, COALESCE((SELECT max(sequence) FROM plan_version WHERE key = $1), 0) + 1, version, $2, NULL, length(bytes), $3, bytes
       FROM plan_layer WHERE id = $1
     RETURNING size_bytes AS size`,
    [layer, new Date().toISOString(), JSON.stringify(FOUND_VERSION_SUMMARY)],
  );
  return rows[0]?.size ?? 0;
}

/**
 * How many bytes the layer's text grows by, one project per line with ",\n" between lines
 * (featureCollectionText). A row from before migration 006 has no length: its JSON is then
 * measured as the row gives it back, the same length unless a number was written another way.
 */
function sizeChange(count: number, stored: LockedFeatureRow | null, text: string | null): number {
  const removed = stored ? (stored.textBytes ?? Buffer.byteLength(JSON.stringify(stored.project))) : 0;
  const added = text === null ? 0 : Buffer.byteLength(text);
  const countAfter = count + (text === null ? 0 : 1) - (stored ? 1 : 0);
  const separators = (n: number) => 2 * Math.max(n - 1, 0);
  return added - removed + separators(countAfter) - separators(count);
}

/** A problem of the project validated alone, named by its place in the layer as a whole layer's validation names it. */
function inLayer(problem: SaveProblem, place: number): SaveProblem {
  return {
    ...problem,
    ...(problem.featureIndex !== undefined ? { featureIndex: place } : {}),
    path: problem.path.replace(/^\/features\/0(?=\/|$)/, `/features/${place}`),
  };
}
