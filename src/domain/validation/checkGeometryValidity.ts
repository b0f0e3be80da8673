import type { Geometry, Position } from 'geojson';
import type { ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { checkPolygonValidity } from './checkPolygonValidity';

/**
 * Validity (JTS IsValidOp semantics) of a structurally sound geometry in lon/lat: the first
 * problem, or undefined. Lines need two distinct points; self-crossing lines are valid (that is
 * simplicity, not validity). Points are always valid.
 */
export function checkGeometryValidity(geometry: Geometry, pointer: string, label: FeatureLabel): ValidationIssue | undefined {
  const coordinatesPointer = `${pointer}/coordinates`;
  switch (geometry.type) {
    case 'Polygon':
      return checkPolygonValidity([geometry.coordinates], coordinatesPointer, false, label);
    case 'MultiPolygon':
      return checkPolygonValidity(geometry.coordinates, coordinatesPointer, true, label);
    case 'LineString':
      return checkLine(geometry.coordinates, coordinatesPointer, label);
    case 'MultiLineString':
      for (let index = 0; index < geometry.coordinates.length; index++) {
        const problem = checkLine(geometry.coordinates[index] ?? [], `${coordinatesPointer}/${index}`, label);
        if (problem) return problem;
      }
      return undefined;
    case 'GeometryCollection':
      for (let index = 0; index < geometry.geometries.length; index++) {
        const member = geometry.geometries[index];
        const problem = member ? checkGeometryValidity(member, `${pointer}/geometries/${index}`, label) : undefined;
        if (problem) return problem;
      }
      return undefined;
    default:
      return undefined;
  }
}

function checkLine(line: readonly Position[], path: string, label: FeatureLabel): ValidationIssue | undefined {
  const first = line[0];
  const distinct = first ? line.some((position) => position[0] !== first[0] || position[1] !== first[1]) : false;
  if (line.length >= 2 && distinct) return undefined;
  return featureIssue(
    label,
    'TOO_FEW_POINTS',
    path,
    `线至少需要 2 个不同的点，实际有 ${line.length} 个坐标${line.length >= 2 ? '（都相同）' : ''}`,
    `a line needs at least 2 distinct points, got ${line.length} position${line.length === 1 ? '' : 's'}${line.length >= 2 ? ' (all equal)' : ''}`,
    first ? [first[0] ?? 0, first[1] ?? 0] : undefined,
  );
}
