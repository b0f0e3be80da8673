import type { Geometry } from 'geojson';
import type {
  AttributeDefinition,
  LayerDefinition,
  Manifest,
  MeasureUnit,
  PlanTarget,
  StatusDefinition,
  TargetMetric,
} from '../domain/manifest';
import type { PlanFeature, PlanFeatureCollection, PlanFeatureProperties, PlanGeometry } from '../domain/planFeature';
import { FieldReader, describe, parseJson } from './fieldReader';
import { normalizedPlanFeature } from '../domain/normalizedPlanFeature';

export { GeodataError } from './fieldReader';

/*
 * Structural parsing of geodata files into typed objects. It checks what the code relies on
 * (types of fields, required fields) and names the file, feature and field of the first problem;
 * content rules (lifecycle, geometry validity, ...) belong to the validator.
 */

const MEASURE_UNITS: readonly MeasureUnit[] = ['ha', 'mu', 'km'];
const TARGET_METRICS: readonly TargetMetric[] = ['count', 'area_ha', 'area_mu', 'length_km'];
const PLAN_GEOMETRY_TYPES: readonly string[] = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'];
function readStatus(read: FieldReader, value: unknown, path: string): StatusDefinition {
  const object = read.object(value, path);
  return { id: read.string(object.id, `${path}.id`), label: read.text(object.label, `${path}.label`), color: read.string(object.color, `${path}.color`) };
}

function readTarget(read: FieldReader, value: unknown, path: string): PlanTarget {
  const object = read.object(value, path);
  const target: PlanTarget = {
    id: read.string(object.id, `${path}.id`),
    label: read.text(object.label, `${path}.label`),
    metric: read.oneOf(object.metric, TARGET_METRICS, `${path}.metric`),
    target: read.number(object.target, `${path}.target`),
    deadline: read.date(object.deadline, `${path}.deadline`),
    countedStatuses: read.strings(object.countedStatuses, `${path}.countedStatuses`),
  };
  if (object.where !== undefined) {
    const where = read.object(object.where, `${path}.where`);
    target.where = { property: read.string(where.property, `${path}.where.property`), equals: read.string(where.equals, `${path}.where.equals`) };
  }
  return target;
}

function readAttribute(read: FieldReader, value: unknown, path: string): AttributeDefinition {
  const object = read.object(value, path);
  const attribute: AttributeDefinition = { property: read.string(object.property, `${path}.property`), label: read.text(object.label, `${path}.label`) };
  if (object.values !== undefined) {
    const values = read.object(object.values, `${path}.values`);
    attribute.values = Object.fromEntries(Object.entries(values).map(([key, label]) => [key, read.text(label, `${path}.values.${key}`)]));
  }
  return attribute;
}

function readLayer(read: FieldReader, value: unknown, path: string): LayerDefinition {
  const object = read.object(value, path);
  const layer: LayerDefinition = {
    id: read.slug(object.id, `${path}.id`),
    name: read.text(object.name, `${path}.name`),
    geometry: read.oneOf(object.geometry, ['polygon', 'line'] as const, `${path}.geometry`),
    color: read.string(object.color, `${path}.color`),
    unit: read.oneOf(object.unit, MEASURE_UNITS, `${path}.unit`),
    statuses: read.array(object.statuses, `${path}.statuses`).map((item, index) => readStatus(read, item, `${path}.statuses[${index}]`)),
    doneStatuses: read.strings(object.doneStatuses, `${path}.doneStatuses`),
    targets: read.array(object.targets, `${path}.targets`).map((item, index) => readTarget(read, item, `${path}.targets[${index}]`)),
  };
  if (object.attributes !== undefined) {
    layer.attributes = read.array(object.attributes, `${path}.attributes`).map((item, index) => readAttribute(read, item, `${path}.attributes[${index}]`));
  }
  return layer;
}

function readPair(read: FieldReader, value: unknown, path: string): [number, number] {
  const items = read.array(value, path);
  if (items.length !== 2) read.fail(path, `expected 2 numbers, got ${items.length} values`);
  return [read.number(items[0], `${path}[0]`), read.number(items[1], `${path}[1]`)];
}

/** Parses the text of layers.json. */
export function parseManifest(text: string, file = 'layers.json'): Manifest {
  const read = new FieldReader(file);
  const root = read.object(parseJson(text, file), '');
  const district = read.object(root.district, 'district');
  const bounds = read.array(district.bounds, 'district.bounds');
  if (bounds.length !== 4) read.fail('district.bounds', `expected [west, south, east, north], got ${bounds.length} values`);
  const [west, south] = readPair(read, bounds.slice(0, 2), 'district.bounds');
  const [east, north] = readPair(read, bounds.slice(2, 4), 'district.bounds');
  return {
    district: {
      name: read.text(district.name, 'district.name'),
      planStart: read.date(district.planStart, 'district.planStart'),
      planEnd: read.date(district.planEnd, 'district.planEnd'),
      center: readPair(read, district.center, 'district.center'),
      zoom: read.number(district.zoom, 'district.zoom'),
      bounds: [west, south, east, north],
    },
    layers: read.array(root.layers, 'layers').map((item, index) => readLayer(read, item, `layers[${index}]`)),
  };
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
