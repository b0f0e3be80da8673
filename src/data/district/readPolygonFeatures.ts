import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { DatumShiftChoice } from '../../domain/crs/declaredCrsTransform';
import type { LocalizedText } from '../../domain/plan/manifest';
import { readCrsDefinition } from '../crs/readCrsDefinition';
import { validateWithCrsRegistry } from '../crs/validateWithCrsRegistry';
import type { ValidationReport } from '../../domain/validation/validationReport';
import { importFile } from '../import/importFile';

export interface PolygonFileOptions {
  /** The CRS the user declares (`--crs`), for files that do not say (or say wrongly). */
  declaredCrs?: string;
  /** Lon/lat from a Chinese web map (`--from`). */
  convertFrom?: 'gcj02' | 'bd09';
  /** The datum-shift profile (`--datum-shift`) for a CRS whose datum has no known shift to CGCS2000. */
  datumShift?: DatumShiftChoice;
}

export type PolygonFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

export type PolygonFileResult =
  | {
      ok: true;
      features: PolygonFeature[];
      /** What was converted, e.g. "EPSG:4545" or "GCJ-02"; absent when the file was in lon/lat already. */
      reprojectedFrom?: string;
      /** Set when the datum came from the file's look (a DataV map file), not from the user. */
      assumedDatum?: LocalizedText;
      /** Warnings of the reader and the validation, one line each. */
      notes: LocalizedText[];
    }
  | { ok: false; problems: LocalizedText[] };

const line = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * A file of areas (a district boundary, its sub-districts) read as the import screen reads an
 * upload: the one reading engine (importFile: GeoJSON, zipped shapefile, KML/KMZ, and whatever
 * else it learns), then the validation engine with the CRS the file declares or the user gives,
 * any EPSG code from the registry, including GCJ-02/BD-09 conversion, which a DataV map file gets unless told otherwise. Only
 * polygons are kept; stored coordinates are lon/lat on CGCS2000.
 */
export async function readPolygonFeatures(fileName: string, bytes: Uint8Array, options: PolygonFileOptions): Promise<PolygonFileResult> {
  const imported = await importFile(fileName, bytes);
  if (!imported.ok) return { ok: false, problems: imported.problems.map((problem) => problem.message) };
  const [layer, ...others] = imported.layers;
  if (!layer) return { ok: false, problems: [line('文件中没有可读取的图层', 'the file holds no layer that can be read')] };
  const notes: LocalizedText[] = layer.warnings.map((warning) => warning.message);
  if (others.length > 0) notes.push(line(`文件中有 ${imported.layers.length} 个图层，只读取第一个「${layer.name}」`, `the file holds ${imported.layers.length} layers; only the first, "${layer.name}", is read`));
  const declaredCrs = options.declaredCrs ?? layer.crs?.epsg ?? layer.crs?.wkt;
  const validationOptions = {
    ...(declaredCrs ? { declaredCrs } : {}),
    ...(options.convertFrom ? { convertFrom: options.convertFrom } : {}),
    ...(options.datumShift ? { datumShift: options.datumShift } : {}),
  };
  // No district bounds yet: this file is what defines them.
  let report: ValidationReport = await validateWithCrsRegistry(layer.text, validationOptions, readCrsDefinition);
  let assumedDatum: LocalizedText | undefined;
  // Nothing in the coordinates tells GCJ-02 from WGS 84; a DataV map file's own fields do (as the import screen decides).
  if (!options.convertFrom && report.datumHint && !report.reprojection) {
    report = await validateWithCrsRegistry(layer.text, { ...validationOptions, convertFrom: report.datumHint.datum }, readCrsDefinition);
    assumedDatum = line(`${report.datumHint?.reason.zh ?? '文件像是网络地图数据'}，已从 GCJ-02 转换为 CGCS2000`, `${report.datumHint?.reason.en ?? 'the file looks like web map data'}; converted from GCJ-02 to CGCS2000`);
  }
  if (report.problems.length > 0 || !report.collection) {
    return { ok: false, problems: report.problems.slice(0, 10).map((issue) => line(`${issue.path || '/'}：${issue.message.zh}`, `${issue.path || '/'}: ${issue.message.en}`)) };
  }
  notes.push(...report.warnings.slice(0, 10).map((issue) => issue.message));
  const features = report.collection.features.filter((feature): feature is PolygonFeature => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon');
  if (features.length === 0) return { ok: false, problems: [line('文件中没有面要素（Polygon 或 MultiPolygon）', 'the file holds no polygon (Polygon or MultiPolygon) feature')] };
  const skipped = report.collection.features.length - features.length;
  if (skipped > 0) notes.push(line(`跳过了 ${skipped} 个不是面的要素`, `skipped ${skipped} features that are not polygons`));
  const result: PolygonFileResult = { ok: true, features, notes };
  if (report.reprojection) result.reprojectedFrom = report.reprojection.from;
  if (assumedDatum) result.assumedDatum = assumedDatum;
  return result;
}
