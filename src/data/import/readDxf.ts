import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { quoteValue, safeText } from '../../domain/validation/safeText';
import { dxfEntities, type DxfShape } from './dxfEntities';
import { dxfGroups } from './dxfGroups';
import { importMessage, type ImportMessage } from './importMessage';
import type { ImportLayer, ImportResult } from './importResult';
import { pointInRing } from '../../domain/validation/pointInRing';
import { ringsToPolygons } from './ringsToPolygons';

/*
 * A DXF drawing (ASCII, any release) to import layers: one per CAD layer and kind, "polygon" for
 * closed polylines and hatches, "line" for open polylines and lines, so a plan layer takes the
 * part that fits it. A text standing inside a polygon of the same drawing becomes the polygon's
 * `name` (several are joined); texts elsewhere, blocks (INSERT) and other entities are counted and
 * left out. DXF has no coordinate reference system: the user must choose one.
 */

type Kind = 'polygon' | 'line';

export interface ReadDxfOptions {
  /** Only this CAD layer (`--source-layer`). */
  sourceLayer?: string;
}

const BINARY_DXF = 'AutoCAD Binary DXF';

function polygonFeature(shape: Extract<DxfShape, { kind: 'ring' }>): Feature<Geometry, GeoJsonProperties> {
  const polygons = ringsToPolygons(shape.rings);
  const geometry: Geometry = polygons.length === 1 && polygons[0] ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'Feature', properties: { layer: shape.layer, entity: shape.entity, handle: shape.handle }, geometry };
}

/** Each text's name goes to the smallest polygon holding it: the label of a parcel, not of the district around it. */
function nameFromTexts(features: Feature<Geometry, GeoJsonProperties>[], texts: Extract<DxfShape, { kind: 'text' }>[]): number {
  let placed = 0;
  for (const text of texts) {
    const holders = features.filter((feature) => {
      const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates : [];
      const [x = NaN, y = NaN] = text.at;
      return polygons.some(([shell, ...holes]) => shell !== undefined && pointInRing(x, y, shell) === 'inside' && !holes.some((hole) => pointInRing(x, y, hole) !== 'outside'));
    });
    const holder = holders.sort((a, b) => JSON.stringify(a.geometry).length - JSON.stringify(b.geometry).length)[0];
    if (!holder?.properties) continue;
    const name = holder.properties.name;
    holder.properties.name = typeof name === 'string' ? `${name} ${text.text}` : text.text;
    placed++;
  }
  return placed;
}

function skippedWarning(skipped: Map<string, number>, looseTexts: number, unreadableHatchLoops: number): ImportMessage[] {
  const parts = [...skipped].map(([type, count]) => `${safeText(type, 30)} × ${count}`);
  if (looseTexts > 0) parts.push(`TEXT × ${looseTexts}`);
  const warnings: ImportMessage[] = [];
  if (parts.length > 0)
    warnings.push(importMessage('DXF_ENTITIES_SKIPPED', `以下图元未导入（块参照、圆、样条、不在任何闭合图形内的文字等）：${parts.join('，')}；如需导入，请在 CAD 中分解或转为多段线`, `these entities were not imported (block references, circles, splines, texts outside every closed shape…): ${parts.join(', ')}; explode them or convert them to polylines in the CAD program if they are needed`));
  if (unreadableHatchLoops > 0)
    warnings.push(importMessage('DXF_HATCH_SKIPPED', `${unreadableHatchLoops} 个填充的边界含椭圆或样条边，未导入；请在 CAD 中用多段线重建边界`, `${unreadableHatchLoops} hatches have ellipse or spline boundary edges and were not imported; rebuild their boundaries as polylines in the CAD program`));
  return warnings;
}

export function readDxf(bytes: Uint8Array, options: ReadDxfOptions = {}): ImportResult {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 32));
  if (head.startsWith(BINARY_DXF))
    return { ok: false, problems: [importMessage('DXF_BINARY', '这是二进制 DXF：请在 CAD 中另存为 ASCII（文本）DXF 再导入', 'this is a binary DXF: save it as an ASCII (text) DXF in the CAD program and import that')] };
  let decoded;
  try {
    decoded = dxfGroups(bytes);
  } catch (error) {
    return { ok: false, problems: [importMessage('DXF_INVALID', `DXF 文件格式错误：${error instanceof Error ? error.message : String(error)}`, `the DXF file is malformed: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const { shapes, skipped, unreadableHatchLoops } = dxfEntities(decoded.groups);
  const groups = new Map<string, { layer: string; kind: Kind; features: Feature<Geometry, GeoJsonProperties>[] }>();
  const add = (layer: string, kind: Kind, feature: Feature<Geometry, GeoJsonProperties>) => {
    const key = `${kind}\u0000${layer}`;
    const group = groups.get(key) ?? { layer, kind, features: [] };
    group.features.push(feature);
    groups.set(key, group);
  };
  for (const shape of shapes) {
    if (shape.kind === 'ring') add(shape.layer, 'polygon', polygonFeature(shape));
    else if (shape.kind === 'line') add(shape.layer, 'line', { type: 'Feature', properties: { layer: shape.layer, entity: shape.entity, handle: shape.handle }, geometry: { type: 'LineString', coordinates: shape.points } });
  }
  const texts = shapes.filter((shape): shape is Extract<DxfShape, { kind: 'text' }> => shape.kind === 'text');
  const polygons = [...groups.values()].filter((group) => group.kind === 'polygon').flatMap((group) => group.features);
  const named = nameFromTexts(polygons, texts);
  const warnings = skippedWarning(skipped, texts.length - named, unreadableHatchLoops);
  warnings.push(importMessage('DXF_NO_CRS', 'DXF 文件不含坐标系：请选择图纸所用的坐标系（例如 CGCS2000 3° 高斯-克吕格带的 EPSG 代码）', 'a DXF file carries no coordinate reference system: choose the one the drawing uses (e.g. the EPSG code of its CGCS2000 3° Gauss-Krüger zone)'));

  const available = [...groups.values()].sort((a, b) => a.layer.localeCompare(b.layer) || a.kind.localeCompare(b.kind));
  const chosen = options.sourceLayer === undefined ? available : available.filter((group) => group.layer === options.sourceLayer);
  if (available.length === 0)
    return { ok: false, problems: [importMessage('DXF_NOTHING_TO_IMPORT', '图纸中没有可导入的多段线、直线或填充（块参照需先在 CAD 中分解）', 'the drawing holds no polylines, lines or hatches to import (explode block references in the CAD program first)')] };
  if (chosen.length === 0) {
    const names = [...new Set(available.map((group) => quoteValue(group.layer, 40)))].join(', ');
    return { ok: false, problems: [importMessage('SOURCE_LAYER_NOT_FOUND', `图纸中没有图层 ${quoteValue(options.sourceLayer ?? '', 40)} 的图形；可选：${names}`, `the drawing has no shapes on layer ${quoteValue(options.sourceLayer ?? '', 40)}; it has ${names}`)] };
  }
  const layers: ImportLayer[] = chosen.map((group) => {
    const collection: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features: group.features };
    return { name: safeText(group.layer, 100), sourceLayer: group.layer, geometryKind: group.kind, format: 'dxf', text: JSON.stringify(collection), collection, encoding: decoded.encoding, warnings: [...warnings] };
  });
  return { ok: true, layers };
}
