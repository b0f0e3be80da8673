import type { Geometry } from 'geojson';
import type { GeometryKind, LocalizedText } from '../plan/manifest';
import type { PlanGeometry } from '../plan/planFeature';
import { checkGeometryStructure } from '../validation/checkGeometryStructure';
import { checkGeometryValidity } from '../validation/checkGeometryValidity';
import { featureLabel } from '../validation/featureIssue';
import { forEachPosition } from '../validation/forEachPosition';
import { rewindGeometry } from '../validation/rewindGeometry';
import type { ValidationIssue } from '../validation/validationReport';

export type CheckedEditGeometry = { ok: true; geometry: PlanGeometry } | { ok: false; reason: LocalizedText };

const KIND_OF_TYPE: Record<string, GeometryKind> = {
  Polygon: 'polygon', MultiPolygon: 'polygon', LineString: 'line', MultiLineString: 'line', Point: 'point', MultiPoint: 'point',
};

/**
 * A drawn or edited geometry, checked by the same engine that checks a file on import and on
 * save (structure, layer kind, lon/lat ranges, JTS validity), so an edit the map accepts is
 * never refused at save time. Polygons come back with RFC 7946 winding, as the validator stores
 * them. `kind` undefined accepts either plan kind (a feature whose layer the caller did not say).
 */
export function checkEditedGeometry(geometry: unknown, kind: GeometryKind | undefined, featureIndex: number, feature?: unknown): CheckedEditGeometry {
  const label = featureLabel(featureIndex, feature);
  const problems: ValidationIssue[] = [];
  const context = kind === undefined ? { label, problems, warnings: [] } : { label, problems, warnings: [], layerKind: kind };
  const checked = checkGeometryStructure(geometry, '/geometry', context);
  const first = problems[0];
  if (first) return { ok: false, reason: first.message };
  if (!checked.ok || checked.geometry === null || !isPlanGeometry(checked.geometry))
    return { ok: false, reason: { zh: '几何为空或不是面、线、点', en: 'the geometry is empty, or not a polygon, a line or a point' } };
  const outOfRange = lonLatProblem(checked.geometry);
  if (outOfRange) return { ok: false, reason: outOfRange };
  const invalid = checkGeometryValidity(checked.geometry, '/geometry', label);
  if (invalid) return { ok: false, reason: invalid.message };
  const rewound = rewindGeometry(checked.geometry).geometry;
  return isPlanGeometry(rewound) ? { ok: true, geometry: rewound } : { ok: false, reason: { zh: '几何类型有误', en: 'wrong geometry type' } };
}

function isPlanGeometry(geometry: Geometry): geometry is PlanGeometry {
  return Object.hasOwn(KIND_OF_TYPE, geometry.type);
}

/** The kind of an existing geometry, for edits that must keep it. */
export function geometryKindOf(geometry: PlanGeometry | null): GeometryKind | undefined {
  return geometry ? KIND_OF_TYPE[geometry.type] : undefined;
}

/** RFC 7946 §4: lon within ±180, lat within ±90 (a vertex dragged off the map, or metres). */
function lonLatProblem(geometry: Geometry): LocalizedText | undefined {
  let problem: LocalizedText | undefined;
  forEachPosition(geometry, (position) => {
    const [lon = 0, lat = 0] = position;
    if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) return false;
    problem = { zh: `坐标 [${lon}, ${lat}] 超出经纬度范围`, en: `position [${lon}, ${lat}] is outside longitude/latitude range` };
    return true;
  });
  return problem;
}
