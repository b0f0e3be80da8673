import type { ValidationIssue } from '../validation/validationReport';
import { isRecord } from '../isRecord';

const AREA_TYPES: readonly unknown[] = ['Polygon', 'MultiPolygon'];

/**
 * What is wrong with the JSON of a control-line file (geodata/<id>.geojson): a FeatureCollection
 * of Polygon/MultiPolygon features, each with a `name` the details card and conflicts view show.
 */
export function controlLineFileIssues(file: string, json: unknown): ValidationIssue[] {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features))
    return [{ file, path: '', code: 'TYPE', message: { zh: '管控线文件须为 GeoJSON FeatureCollection', en: 'a control-line file must be a GeoJSON FeatureCollection' } }];
  const issues: ValidationIssue[] = [];
  (json.features as unknown[]).forEach((feature, featureIndex) => {
    const at = `/features/${featureIndex}`;
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    if (!isRecord(geometry) || !AREA_TYPES.includes(geometry.type) || !Array.isArray(geometry.coordinates))
      issues.push({ file, featureIndex, path: `${at}/geometry`, code: 'TYPE', message: { zh: '管控线的几何须为面（Polygon 或 MultiPolygon）', en: 'a control line\'s geometry must be a Polygon or MultiPolygon' } });
    const properties = isRecord(feature) ? feature.properties : undefined;
    if (!isRecord(properties) || typeof properties.name !== 'string' || properties.name.length === 0)
      issues.push({ file, featureIndex, path: `${at}/properties/name`, code: 'REQUIRED', message: { zh: '管控线区域须有名称 name', en: 'each control-line area needs a name' } });
  });
  return issues;
}
