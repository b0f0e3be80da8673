import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest } from '../parseGeodata';
import { readGeodataForValidation } from '../readGeodataForValidation';
import { validateGeodata } from '../../domain/plan/schemaValidation';
import type { ValidationIssue } from '../../domain/validation/validationReport';
import { contentVersionOf } from '../contentVersion';
import { layerFileName } from '../layerFileName';
import { isDocumentFile } from '../storedDocuments';
import { applyMigrations } from './applyMigrations';
import { CHANGE_CHANNEL, type ChangeNotice } from './changeNotice';
import { districtFilesIn } from './districtFiles';
import { inTransaction, type PlanDatabase } from './planDatabase';
import { replaceFeatureRows } from './featureRows';
import { writeStatusFacets } from './ensureStatusFacets';
import { statusFacetsOf } from '../../domain/progress/statusFacets';

export class DistrictImportError extends Error {
  constructor(
    message: string,
    readonly problems: ValidationIssue[] = [],
  ) {
    super(message);
  }
}

export interface ImportedDistrict {
  layers: number;
  features: number;
  documents: number;
  files: number;
}

/**
 * Moves a geodata folder into the district's schema, in one transaction: the layers (bytes as
 * they are, and a row per project), the plan's documents, every other file but PMTiles. The
 * folder is validated first by the same rules as `check-data` and the server's saves; a schema
 * that holds a district already is refused unless `replace` is given. Servers on the database
 * hear each layer as changed.
 */
export async function importDistrict(directory: string, database: PlanDatabase, options: { replace: boolean }): Promise<ImportedDistrict> {
  let input;
  try {
    input = await readGeodataForValidation(directory);
  } catch (error) {
    throw new DistrictImportError(error instanceof Error ? error.message : String(error));
  }
  const problems = validateGeodata(input.manifestJson, input.layers, input.schemas);
  if (problems.length > 0) throw new DistrictImportError(`${directory}: ${problems.length} 个问题，未导入 / problems, nothing imported`, problems);
  const manifest = parseManifest(await readFile(join(directory, 'layers.json'), 'utf8'));
  const layerFiles = new Map(manifest.layers.map((layer) => [layerFileName(layer.id), layer.id]));

  await applyMigrations(database);
  const paths = await districtFilesIn(directory);
  return inTransaction(database.pool, async (client) => {
    const { rows } = await client.query<{ held: string }>('SELECT (SELECT count(*) FROM plan_layer) + (SELECT count(*) FROM plan_document) + (SELECT count(*) FROM district_file) AS held');
    if (Number(rows[0]?.held ?? 0) > 0) {
      if (!options.replace) throw new DistrictImportError(`数据库模式 ${database.schema} 已有数据；要替换请加 --replace / schema ${database.schema} holds a district already; add --replace to replace it`);
      await client.query('TRUNCATE plan_feature, plan_layer, plan_document, plan_version, plan_audit, district_file');
    }
    const imported: ImportedDistrict = { layers: 0, features: 0, documents: 0, files: 0 };
    const notices: ChangeNotice[] = [];
    for (const path of paths) {
      const bytes = await readFile(join(directory, path));
      const version = contentVersionOf(bytes);
      const layerId = layerFiles.get(path);
      if (layerId) {
        await client.query('INSERT INTO plan_layer (id, bytes, version) VALUES ($1, $2, $3)', [layerId, bytes, version]);
        const definition = manifest.layers.find((layer) => layer.id === layerId);
        if (definition) await writeStatusFacets(client, layerId, statusFacetsOf(definition));
        imported.layers += 1;
        imported.features += await replaceFeatureRows(client, layerId, bytes);
        notices.push({ schema: database.schema, layer: layerId, version });
      } else if (isDocumentFile(path)) {
        await client.query('INSERT INTO plan_document (name, bytes, version) VALUES ($1, $2, $3)', [path, bytes, version]);
        imported.documents += 1;
        notices.push({ schema: database.schema, document: path, version });
      } else {
        await client.query('INSERT INTO district_file (path, bytes, version) VALUES ($1, $2, $3)', [path, bytes, version]);
        imported.files += 1;
      }
    }
    for (const notice of notices) await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
    return imported;
  });
}
