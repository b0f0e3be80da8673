import type { GeoJsonProperties } from 'geojson';
import { applyFieldMapping } from '../../domain/import/applyFieldMapping';
import type { FieldMapping } from '../../domain/import/fieldMapping';
import { needsFieldMapping } from '../../domain/import/needsFieldMapping';
import { roundedCoordinates } from '../../domain/import/roundedCoordinates';
import { sourceColumns, type SourceColumn } from '../../domain/import/sourceColumns';
import type { LayerDefinition, Manifest } from '../../domain/plan/manifest';
import type { GeodataSchemas } from '../../domain/plan/schemaValidation';
import { checkPlanAttributes } from '../../domain/validation/checkPlanAttributes';
import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import { datumShiftChoice, validateWithCrsRegistry } from '../crs/validateWithCrsRegistry';
import { validFeaturesOnly } from '../../domain/validation/validFeaturesOnly';
import type { ValidationStage } from '../../domain/validation/validationProgress';
import type { ValidationReport } from '../../domain/validation/validationReport';
import { fetchGeodataSchemas } from '../fetchGeodataSchemas';
import { checkedImportOf, type CheckedImport } from './checkedImport';
import { importFile, type ImportFileOptions } from './importFile';
import type { ImportMessage } from './importMessage';
import type { ImportLayer } from './importResult';
import { sniffImportFormat } from './sniffImportFormat';

export type ImportStage = 'reading' | 'reading-zip' | 'reading-kml' | 'reading-json' | ValidationStage;

/** Where an import is; `total` is 0 when a stage cannot count its work. */
export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

export type OnImportProgress = (progress: ImportProgress) => void;

/** A layer of the file without its text and features, which stay where the work is done. */
export type ImportLayerSummary = Omit<ImportLayer, 'text' | 'collection'>;

export type ReadImportResult = { ok: true; layers: ImportLayerSummary[] } | { ok: false; problems: ImportMessage[] };

export interface ImportCheckRequest {
  partIndex: number;
  layer: LayerDefinition;
  manifest: Manifest;
  declaredCrs?: string;
  /**
   * The user says the coordinates come from a Chinese web map (GCJ-02 or BD-09): converted to
   * WGS 84; 'none': they do not. Absent: as the file suggests (a DataV/ECharts map file is
   * converted from GCJ-02, see ValidationReport.datumHint), else not converted.
   */
  convertFrom?: 'gcj02' | 'bd09' | 'none';
  /**
   * The datum-shift profile the user picked from datum-shifts.json, when the report asked for one
   * (ValidationReport.datumShiftNeeded).
   */
  datumShift?: DatumShiftProfile;
  /** geodata/schema/ as an absolute URL, for the attribute checks; without it they are left to the server. */
  schemaBaseUrl?: string;
  /** Columns mapped to plan fields; `existingIds` keeps generated ids clear of the layer's. */
  mapping?: { fields: FieldMapping; existingIds: string[] };
}

interface SourceCheck {
  key: string;
  report: ValidationReport;
  columns: SourceColumn[];
  sample: GeoJsonProperties;
  needsMapping: boolean;
}

/**
 * The work of one import, wherever it runs (a Web Worker, or the page when workers are missing):
 * read the file once, then check a part of it for a plan layer as often as the user changes the
 * layer, the CRS or the field mapping. The source check is kept, so a new mapping only re-checks
 * the attributes.
 */
export class ImportJob {
  private layers: ImportLayer[] = [];
  private source: SourceCheck | undefined;
  private readonly schemas = new Map<string, Promise<GeodataSchemas | undefined>>();

  /** `loadSchemas` reads geodata/schema/ (over HTTP in the browser; tests may read files). */
  constructor(private readonly loadSchemas: (schemaBaseUrl: string) => Promise<GeodataSchemas | undefined> = fetchGeodataSchemas) {}

  /** `options` chooses a part or a table's columns; the worker adds where sql.js's .wasm is. */
  async read(name: string, bytes: Uint8Array, onProgress: OnImportProgress, options: ImportFileOptions = {}): Promise<ReadImportResult> {
    const kind = sniffImportFormat(bytes).kind;
    onProgress({ stage: kind === 'zip' ? 'reading-zip' : kind === 'kml' ? 'reading-kml' : kind === 'json' ? 'reading-json' : 'reading', done: 0, total: 0 });
    const result = await importFile(name, bytes, options);
    this.layers = result.ok ? result.layers : [];
    this.source = undefined;
    if (!result.ok) return result;
    return { ok: true, layers: result.layers.map(({ text: _text, collection: _collection, ...summary }) => summary) };
  }

  async check(request: ImportCheckRequest, onProgress: OnImportProgress): Promise<CheckedImport> {
    const part = this.layers[request.partIndex];
    if (!part) throw new Error(`the file has no layer ${request.partIndex}`);
    const schemas = request.schemaBaseUrl ? await this.schemasFor(request.schemaBaseUrl) : undefined;
    const source = await this.sourceCheck(part, request, schemas, onProgress);
    const extra = { columns: source.columns, sample: source.sample, needsMapping: source.needsMapping };
    const collection = source.report.collection;
    if (!request.mapping || !collection) return checkedImportOf(source.report, validFeaturesOnly(source.report), extra);

    onProgress({ stage: 'attributes', done: 0, total: collection.features.length });
    const mapped = applyFieldMapping(collection, request.layer, request.mapping.fields, request.mapping.existingIds);
    const report = checkPlanAttributes(source.report, mapped.collection, { layer: request.layer, manifest: request.manifest, schemas, checkIds: true });
    return checkedImportOf(report, validFeaturesOnly(report), { ...extra, mapped: { generatedIdCount: mapped.generatedIdCount, defaultStatusCount: mapped.defaultStatusCount } });
  }

  /** The file's own findings for this part, layer and CRS; attributes too when the file already has plan fields. */
  private async sourceCheck(part: ImportLayer, request: ImportCheckRequest, schemas: GeodataSchemas | undefined, onProgress: OnImportProgress): Promise<SourceCheck> {
    const key = JSON.stringify([request.partIndex, request.layer, request.declaredCrs ?? null, request.convertFrom ?? null, request.datumShift ?? null, schemas !== undefined]);
    if (this.source?.key === key) return this.source;
    const asked = request.convertFrom === 'none' ? undefined : request.convertFrom;
    const datumShift = request.datumShift ? await datumShiftChoice(request.datumShift) : undefined;
    const options = { layer: request.layer, manifest: request.manifest, declaredCrs: request.declaredCrs, convertFrom: asked, datumShift, onProgress };
    // The EPSG registry is loaded (once, in this worker) only for a code without a pinned definition.
    let report = await validateWithCrsRegistry(part.text, options);
    // Nothing in the coordinates tells GCJ-02 from WGS 84; a DataV map file's own fields do.
    if (request.convertFrom === undefined && report.datumHint && !report.reprojection)
      report = await validateWithCrsRegistry(part.text, { ...options, convertFrom: report.datumHint.datum });
    // Reprojected coordinates are kept to a centimetre, as the export writes them (roundedCoordinates).
    if (report.reprojection && report.collection) report = { ...report, collection: roundedCoordinates(report.collection) };
    const collection = report.collection;
    const needsMapping = collection ? needsFieldMapping(collection) : false;
    // A file without plan fields is checked against the schema after its columns are mapped, not before.
    if (collection && schemas && !needsMapping) {
      onProgress({ stage: 'attributes', done: 0, total: collection.features.length });
      report = checkPlanAttributes(report, collection, { layer: request.layer, manifest: request.manifest, schemas, checkIds: false });
    }
    this.source = { key, report, columns: collection ? sourceColumns(collection) : [], sample: collection?.features[0]?.properties ?? null, needsMapping };
    return this.source;
  }

  private schemasFor(schemaBaseUrl: string): Promise<GeodataSchemas | undefined> {
    // One object per folder: the validator compiled from it is cached by identity (attributeIssues).
    let schemas = this.schemas.get(schemaBaseUrl);
    if (!schemas) {
      schemas = this.loadSchemas(schemaBaseUrl);
      this.schemas.set(schemaBaseUrl, schemas);
    }
    return schemas;
  }
}
