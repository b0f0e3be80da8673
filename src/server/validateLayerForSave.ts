import { parseLayer, parseManifest } from '../data/parseGeodata';
import { featureCollectionText } from '../data/featureCollectionText';
import type { LayerDefinition, Manifest } from '../domain/plan/manifest';
import type { PlanFeatureCollection } from '../domain/plan/planFeature';
import { checkPlausibility } from '../domain/plausibility/checkPlausibility';
import type { DistrictExtent } from '../domain/plausibility/districtExtent';
import type { GeodataSchemas } from '../domain/plan/schemaValidation';
import { validateGeoJson } from '../domain/validation/validateGeoJson';
import type { SaveProblem, ValidationIssue } from '../domain/validation/validationReport';
import type { LocalizedText } from '../domain/plan/localizedText';
import type { LayerRest } from './store/judgeLayerChange';

/*
 * The one place the server decides whether uploaded bytes may become a layer: the same engine
 * as the browser and `npm run validate` (src/domain/validation), so all three agree.
 */

// Messages are never the raw input: values are quoted, escaped and truncated by the engine.
export type { SaveProblem } from '../domain/validation/validationReport';

export interface SaveValidationContext {
  layerId: string;
  manifestJson: unknown;
  schemas: GeodataSchemas;
  /** Changes when a schema or the manifest changes; the parsed manifest is reused while it stays. */
  schemaFingerprint: string;
}

export type LayerSaveValidation =
  | { ok: true; collection: PlanFeatureCollection; bytes: Buffer; warnings: SaveProblem[] }
  | { ok: false; problems: SaveProblem[] };

const MAX_PROBLEMS = 1000;
const MAX_MESSAGE_LENGTH = 400;
/** Warnings that mean the engine changed the data (RFC 7946 orientation, lon/lat, bbox): store its version. */
const NORMALISING_WARNINGS = new Set(['WINDING_REWOUND', 'REPROJECTED', 'BBOX_MISMATCH']);

let cachedManifest: { fingerprint: string; manifest: Manifest } | undefined;

function manifestFor(context: SaveValidationContext): Manifest {
  if (cachedManifest?.fingerprint !== context.schemaFingerprint) {
    cachedManifest = { fingerprint: context.schemaFingerprint, manifest: parseManifest(JSON.stringify(context.manifestJson)) };
  }
  return cachedManifest.manifest;
}

const shortened = (text: string): string => (text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text);

function saveProblem(issue: ValidationIssue): SaveProblem {
  const message: LocalizedText = { zh: shortened(issue.message.zh), en: shortened(issue.message.en) };
  return {
    ...(issue.featureIndex !== undefined ? { featureIndex: issue.featureIndex } : {}),
    ...(issue.featureId !== undefined ? { featureId: issue.featureId } : {}),
    path: issue.path,
    code: issue.code,
    message,
  };
}

/**
 * Checks uploaded bytes as the layer `context.layerId`. On success returns the bytes to store: the
 * upload itself (without a BOM) when the engine changed nothing, else the normalised collection,
 * one feature per line, without a `crs` member (RFC 7946 §4).
 */
export function validateLayerForSave(body: Uint8Array, context: SaveValidationContext): LayerSaveValidation {
  let manifest: Manifest;
  try {
    manifest = manifestFor(context);
  } catch {
    return { ok: false, problems: [{ path: '', code: 'MANIFEST_INVALID', message: { zh: 'layers.json 有误，无法保存', en: 'layers.json is invalid, nothing can be saved' } }] };
  }
  const layer = manifest.layers.find((candidate) => candidate.id === context.layerId);
  if (!layer) return { ok: false, problems: [{ path: '', code: 'UNKNOWN_LAYER', message: { zh: '未知图层', en: 'unknown layer' } }] };
  const report = validateGeoJson(body, { layer, manifest, schemas: context.schemas });
  // An empty layer is valid GeoJSON; whether it may replace a non-empty one is the store's question (it asks for confirmation).
  const blocking = report.problems.filter((problem) => problem.code !== 'NO_FEATURES');
  if (blocking.length > 0 || !report.collection) {
    return { ok: false, problems: (blocking.length > 0 ? blocking : report.problems).slice(0, MAX_PROBLEMS).map(saveProblem) };
  }
  const uploaded = new TextDecoder('utf-8').decode(body).replace(/^\uFEFF/, '');
  const normalised = report.warnings.some((warning) => NORMALISING_WARNINGS.has(warning.code)) || /"crs"\s*:/.test(uploaded.slice(0, 4096));
  const text = normalised ? featureCollectionText(report.collection.features) : uploaded;
  return {
    ok: true,
    collection: parseLayer(text, `${context.layerId}.geojson`),
    bytes: Buffer.from(text, 'utf8'),
    warnings: report.warnings.slice(0, MAX_PROBLEMS).map(saveProblem),
  };
}

/** Figures of a save that need the editor's confirmation, and the text that confirms exactly them. */
export interface SaveNeedsConfirmation {
  problems: SaveProblem[];
  confirmation: string;
}

/**
 * The plausibility check of a save (src/domain/plausibility), against the layer as stored: null
 * when nothing needs confirming or when `confirmed` names exactly these figures (the request's
 * `confirmExtent`), else the problems and the confirmation that would let the save through.
 */
export function saveNeedsConfirmation(
  before: PlanFeatureCollection,
  after: PlanFeatureCollection,
  layer: LayerDefinition,
  district: DistrictExtent,
  confirmed: string | null,
  rest?: LayerRest,
): SaveNeedsConfirmation | null {
  const report = checkPlausibility({ layer, district, incoming: after.features, saved: before.features, ...(rest ? { unchanged: rest } : {}) });
  if (report.confirmation === null || report.confirmation === confirmed) return null;
  return { problems: report.problems.slice(0, MAX_PROBLEMS).map(saveProblem), confirmation: report.confirmation };
}
