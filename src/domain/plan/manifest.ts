/**
 * geodata/layers.json: the district, its plan period and its plan layers. This contract is the one
 * definition of the file: the types below, the checks of parseManifest and check-data, and
 * geodata/schema/layers.schema.json (written by scripts/write-schemas.ts) all come from it.
 * Rules between its parts (ids that must be unique, statuses that must exist) are in
 * manifestConsistency.ts.
 */
import { array, described, named, number, object, optional, record, string, values } from '../contract/contractBuilders';
import type { Infer } from '../contract/Contract';
import { isoDateContract, lonLatBoundsContract, lonLatContract, zoomContract } from '../contract/placeContracts';
import { localizedTextContract } from './localizedText';
import { TARGET_METRIC_IDS, TARGET_METRICS } from './targetMetrics';
import { MEASURE_UNITS } from '../measure/units';
import { ATTRIBUTE_TYPE_NAMES } from './attributeTypes';
import { controlLineContract } from '../control/controlLineContract';

export type { LocalizedText, Locale } from './localizedText';
export type { TargetMetric } from './targetMetrics';
export type { MeasureUnit } from '../measure/units';

const hexColor = named('hexColor', string({ pattern: '^#[0-9A-Fa-f]{6}$', description: '颜色，#RRGGBB 十六进制。CSS hex colour, #RRGGBB.' }));

/** Ids name files (`<id>.geojson`), URLs and stored statuses. */
const slug = named('slug', string({
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  description: '稳定标识，小写字母、数字和连字符，存入数据后不要再改。Stable id: lowercase letters, digits and hyphens; do not rename once data uses it.',
}));

const geometryKind = values(['polygon', 'line', 'point'], {
  description: '几何类型：polygon 面（Polygon/MultiPolygon）、line 线（LineString/MultiLineString）或 point 点（Point/MultiPoint）。Geometry kind: polygon, line or point.',
});

const statusContract = named('status', object({
  id: described(slug, '状态 id，存于要素的 status 和 history[].status。Status id stored in features\' status and history[].status.'),
  label: described(localizedTextContract, '状态名称 Status label'),
  color: described(hexColor, '地图上该状态的填充色。Fill colour for this status on the map, #RRGGBB.'),
}, { description: '状态流程中的一个状态。One status of a layer\'s lifecycle.' }));

const propertyCondition = named('where', object({
  property: string({ minLength: 1, description: '要素属性名 Feature property name' }),
  equals: string({ description: '属性值 Property value' }),
}, { description: '只统计该属性等于给定值的要素；省略则统计全部要素。Only features whose property equals the value are counted; omit to count every feature of the layer.' }));

const metricNames = TARGET_METRIC_IDS.map((metric) => ({ metric, label: TARGET_METRICS[metric].label }));

const targetContract = named('target', object({
  id: described(slug, '目标 id Target id'),
  label: described(localizedTextContract, '目标名称 Target label'),
  metric: values(TARGET_METRIC_IDS, {
    description: `考核指标：${metricNames.map(({ metric, label }) => `${metric} ${label.zh}`).join('、')}。What is measured: ${metricNames.map(({ metric, label }) => `${metric} ${label.en}`).join(', ')}.`,
  }),
  target: number({ exclusiveMinimum: 0, description: '目标值，单位随指标。Target value in the metric\'s unit.' }),
  deadline: described(isoDateContract, '完成期限 Deadline (YYYY-MM-DD)'),
  countedStatuses: array(slug, { minItems: 1, uniqueItems: true, description: '计入目标的状态 id。Status ids that count toward this target.' }),
  where: optional(propertyCondition),
  property: optional(string({ minLength: 1, description: 'sum 指标累加的数值属性，如 investment。The numeric feature property a sum target adds up, e.g. investment.' })),
  unit: optional(described(localizedTextContract, 'sum 指标的单位，如 亿元 / 100M CNY。The unit of a sum target\'s property, e.g. 亿元 / 100M CNY.')),
}, { description: '一项规划目标，按截止日期考核。One plan target, measured by its deadline.' }));

const attributeContract = named('attribute', object({
  property: string({ minLength: 1, description: '要素属性名 Feature property name' }),
  label: described(localizedTextContract, '列名 Column label'),
  values: optional(record(localizedTextContract, { minProperties: 1, description: '枚举属性：取值 → 显示名称。For enumerated attributes: value -> label.' })),
  type: optional(values(ATTRIBUTE_TYPE_NAMES, { description: '取值类型：text 文本、integer 整数、number 数值（非负）。省略时按常用属性名推断，未知属性为文本。Value type: text, integer or number (both non-negative); when omitted, known property names keep their type and others are text.' })),
}, { description: '属性表中的一列。One attribute column.' }));

const layerContract = named('layer', object({
  id: described(slug, '图层 id，即文件名和网址中的名称。Layer id; also the file name (geodata/<id>.geojson) and the URL segment.'),
  name: described(localizedTextContract, '图层名称 Layer name'),
  geometry: geometryKind,
  color: described(hexColor, '图层颜色（图层面板色块、轮廓）。The layer\'s own colour (layer panel swatch, outlines), #RRGGBB.'),
  unit: optional(values(MEASURE_UNITS, { description: '度量单位：ha 公顷、mu 亩（面图层）、km 公里（线图层）；点图层不设单位，以个数计。Unit the layer\'s measure is shown in: hectares or mu (polygon layers), kilometres (line layers); point layers have none, their measure is their count.' })),
  // The order is meaningful: stats list statuses in it, and a move to an earlier status is a regression (layerDiff).
  statuses: array(statusContract, { minItems: 1, description: '状态流程，按先后排列。Ordered status lifecycle: earlier statuses first.' }),
  doneStatuses: array(slug, { minItems: 1, uniqueItems: true, description: '表示项目已完成的状态 id。Status ids that mean the project is finished.' }),
  targets: array(targetContract, { description: '规划目标。Plan targets for this layer.' }),
  attributes: optional(array(attributeContract, { description: '属性表中显示的要素属性（id、名称、状态之外）。Feature properties shown as columns, besides id, name and status.' })),
}, { description: '一个规划图层；要素存于 geodata/<id>.geojson。One plan layer; its features live in geodata/<id>.geojson.' }));

const districtContract = named('district', object({
  name: described(localizedTextContract, '区名 District name'),
  planStart: described(isoDateContract, '规划期开始日期 First day of the plan period (YYYY-MM-DD)'),
  planEnd: described(isoDateContract, '规划期结束日期 Last day of the plan period (YYYY-MM-DD)'),
  center: described(lonLatContract, '地图初始中心 [经度, 纬度]。Initial map centre [longitude, latitude] in degrees.'),
  zoom: described(zoomContract, '地图初始缩放级别。Initial map zoom level.'),
  bounds: described(lonLatBoundsContract, '区范围 [西, 南, 东, 北]（度），超出范围的数据可疑。District extent [west, south, east, north] in degrees; data outside it is suspicious.'),
}, { description: '行政区及规划期、初始地图视图。The district, its plan period and the initial map view.' }));

/** The vector schemas whose layers the app knows how to draw (src/map/pmtilesBasemapLayers.ts). */
export const VECTOR_BASEMAP_SCHEMAS = ['protomaps', 'openmaptiles'] as const;

const vectorBasemapContract = named('vectorBasemap', object({
  // Inside basemap/, so the server serves it with the rest of the basemap and nothing else is reachable.
  pmtiles: string({
    pattern: '^basemap/[A-Za-z0-9][A-Za-z0-9._-]*\\.pmtiles$',
    description: '离线矢量底图 PMTiles 文件，位于 basemap/ 下，如 basemap/district.pmtiles。The offline vector basemap, a PMTiles archive under basemap/, e.g. basemap/district.pmtiles.',
  }),
  schema: values(VECTOR_BASEMAP_SCHEMAS, {
    description: '瓦片的图层结构：protomaps（Protomaps 底图）或 openmaptiles（OpenMapTiles、Planetiler 默认）。Layer schema of the tiles: protomaps or openmaptiles (OpenMapTiles, Planetiler\'s default).',
  }),
}, { description: '离线矢量底图；省略则使用 basemap/ 中的 GeoJSON 底图。The offline vector basemap; without it the GeoJSON basemap of basemap/ is drawn.' }));

export const MANIFEST_CONTRACT = object({
  $schema: optional(string({ description: '供编辑器校验使用的模式路径。Path of this schema, so editors validate while you type.' })),
  district: districtContract,
  basemap: optional(vectorBasemapContract),
  layers: array(layerContract, {
    minItems: 1,
    description: '规划图层，顺序即图层面板中的顺序；每个图层的要素存于 <id>.geojson。Plan layers in the order the layer panel shows them; each layer\'s features live in <id>.geojson.',
  }),
  controlLines: optional(array(controlLineContract, { description: '管控线（三区三线、湖岸保护线），绘于底图之上、规划图层之下。Control lines, drawn above the basemap and below the plan layers.' })),
}, { description: '区、规划期与规划图层（状态流程、规划目标）。The district, its plan period and its plan layers with their status lifecycles and plan targets.' });

export type Manifest = Infer<typeof MANIFEST_CONTRACT>;
export type DistrictDefinition = Infer<typeof districtContract>;
export type LayerDefinition = Infer<typeof layerContract>;
export type StatusDefinition = Infer<typeof statusContract>;
export type PlanTarget = Infer<typeof targetContract>;
export type PropertyCondition = Infer<typeof propertyCondition>;
export type AttributeDefinition = Infer<typeof attributeContract>;
export type GeometryKind = Infer<typeof geometryKind>;
export type VectorBasemap = Infer<typeof vectorBasemapContract>;
