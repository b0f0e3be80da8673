import type { Geometry } from 'geojson';
import { MANIFEST_CONTRACT, type Manifest } from '../domain/plan/manifest';
import type { PlanFeature, PlanFeatureCollection, PlanFeatureProperties, PlanGeometry } from '../domain/plan/planFeature';
import { FieldReader, describe, parseJson } from './fieldReader';
import { normalizedPlanFeature } from '../domain/plan/normalizedPlanFeature';
import { parseWithContract } from './parseWithContract';

export { GeodataError } from './fieldReader';

/*
 * Parsing of geodata files into typed objects. layers.json is checked against its whole contract
 * (src/domain/plan/manifest.ts). A layer's features are checked for what the code relies on (types of
 * fields, required fields), since a layer may hold many thousands of them; their content rules
 * (lifecycle, geometry validity, ...) belong to the validator. Either way the first problem is
 * named with its file, feature and field.
 */

const PLAN_GEOMETRY_TYPES: readonly string[] = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'Point', 'MultiPoint'];

/** Parses the text of layers.json. */
export function parseManifest(text: string, file = 'layers.json'): Manifest {
  return parseWithContract(MANIFEST_CONTRACT, text, file);
}

function readGeometry(read: FieldReader, value: unknown, path: string): PlanGeometry | null {
  if (value === null) return null;
  const object = read.object(value, path);
  const type = read.string(object.type, `${path}.type`);
  if (!PLAN_GEOMETRY_TYPES.includes(type)) read.fail(`${path}.type`, `expected one of ${PLAN_GEOMETRY_TYPES.join(', ')}, got ${describe(type)}`);
  read.array(object.coordinates, `${path}.coordinates`);
  // Checked shallowly: measurement tolerates malformed coordinates, the validator reports them.
  return object as unknown as PlanGeometry;
}

/** Checks one element of a layer's `features` array (index counted from 0) and returns it as a PlanFeature. */
export function readFeature(read: FieldReader, value: unknown, index: number): PlanFeature {
  const object = read.object(value, `features[${index}]`);
  const id = object.id;
  if (typeof id !== 'string' || id.length === 0) read.fail(`features[${index}].id`, `expected a non-empty string id, got ${describe(id)}`);
  const path = `features[${index}] (id ${JSON.stringify(id)})`;
  if (object.type !== 'Feature') read.fail(`${path}.type`, `expected "Feature", got ${describe(object.type)}`);
  const properties = read.object(object.properties, `${path}.properties`);
  read.array(properties.history, `${path}.properties.history`).forEach((item, step) => {
    const change = read.object(item, `${path}.properties.history[${step}]`);
    read.date(change.date, `${path}.properties.history[${step}].date`);
    read.string(change.status, `${path}.properties.history[${step}].status`);
  });
  if (properties.street !== undefined && typeof properties.street !== 'string') {
    read.fail(`${path}.properties.street`, `expected a string, got ${describe(properties.street)}`);
  }
  const geometry = readGeometry(read, object.geometry, `${path}.geometry`);
  read.string(properties.name, `${path}.properties.name`);
  read.string(properties.status, `${path}.properties.status`);
  // Checked above: name and status are strings and every history entry has a date and a status.
  return normalizedPlanFeature({ type: 'Feature', id, geometry, properties: properties as PlanFeatureProperties });
}

/** Parses the text of one `<layer-id>.geojson` FeatureCollection of plan features. */
export function parseLayer(text: string, file: string): PlanFeatureCollection {
  const read = new FieldReader(file);
  const root = read.object(parseJson(text, file), '');
  if (root.type !== 'FeatureCollection') read.fail('type', `expected "FeatureCollection", got ${describe(root.type)}`);
  const features = read.array(root.features, 'features').map((item, index) => readFeature(read, item, index));
  return { type: 'FeatureCollection', features };
}

/**
 * Any GeoJSON file (FeatureCollection, Feature or bare geometry) as the list of its features'
 * geometries, for measuring files that are not plan layers.
 */
export function parseGeometries(text: string, file: string): (Geometry | null)[] {
  const read = new FieldReader(file);
  const root = read.object(parseJson(text, file), '');
  const geometryOf = (value: unknown, path: string): Geometry | null => {
    if (value === null || value === undefined) return null;
    const object = read.object(value, path);
    read.string(object.type, `${path}.type`);
    return object as unknown as Geometry;
  };
  if (root.type === 'FeatureCollection') {
    return read.array(root.features, 'features').map((item, index) => geometryOf(read.object(item, `features[${index}]`).geometry, `features[${index}].geometry`));
  }
  if (root.type === 'Feature') return [geometryOf(root.geometry, 'geometry')];
  return [geometryOf(root, '')];
}
