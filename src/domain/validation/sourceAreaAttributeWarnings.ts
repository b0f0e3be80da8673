import type { ValidationIssue } from './validationReport';
import type { FeatureRecord } from './checkGeoJsonStructure';
import { featureIssue } from './featureIssue';
import { isRecord } from '../isRecord';
import { jsonPointer } from './jsonPointer';

/*
 * Area attributes written by the source GIS (Esri's Shape_Area, SQL Server's
 * Shape.STArea(), ...) are in the unit of the source CRS, square degrees when it was
 * geographic, and go stale after any edit. They are never used as the area (docs/input-rules.md, E4);
 * one warning per attribute name, at its first feature.
 */
const SOURCE_AREA = /^(shape[_.]?area|shape\.starea\(\)|st_area\(shape\)|area)$/i;

export function sourceAreaAttributeWarnings(records: readonly FeatureRecord[]): ValidationIssue[] {
  const warned = new Set<string>();
  const warnings: ValidationIssue[] = [];
  for (const record of records) {
    const properties = record.feature.properties;
    if (!isRecord(properties)) continue;
    for (const key of Object.keys(properties)) {
      if (!SOURCE_AREA.test(key) || warned.has(key)) continue;
      warned.add(key);
      warnings.push(
        featureIssue(
          record.label,
          'SOURCE_AREA_ATTRIBUTE',
          jsonPointer(record.pointer, 'properties', key),
          `属性 ${key} 是来源软件写入的面积，单位未知（地理坐标系下为平方度），不作为面积使用；面积按几何在椭球面上计算`,
          `attribute ${key} is an area written by the source software, unit unknown (square degrees from a geographic CRS); it is not used as the area, which is computed from the geometry on the ellipsoid`,
        ),
      );
    }
  }
  return warnings;
}
