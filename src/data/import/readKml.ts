import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { quoteValue, safeText } from '../../domain/validation/safeText';
import { importMessage, type ImportMessage } from './importMessage';
import type { ImportLayer, ImportResult } from './importResult';
import { childElements, childText } from './kmlElements';
import { kmlPlacemarkGeometry } from './kmlGeometry';
import { layerNameFromFileName } from './layerNameFromFileName';

/*
 * KML 2.2 (OGC 07-147r2) to one GeoJSON layer. Every Placemark becomes a Feature wherever it
 * sits: Folders are flattened and their names kept as the `folder` property ("A / B").
 * Properties: <name>, <description>, and ExtendedData's <Data name><value> and
 * <SchemaData><SimpleData name> (§9.3–9.5), all as strings. A description is text, often HTML:
 * it is kept as written and never interpreted (docs/input-rules.md, G2). Coordinates are WGS 84 (§16.9).
 */

export const KML_CRS = { epsg: 'EPSG:4326', name: 'WGS 84 (KML)' } as const;

interface KmlWalk {
  features: Feature<Geometry | null, GeoJsonProperties>[];
  problems: ImportMessage[];
  skipped: Set<string>;
  duplicateKeys: number;
}

/** The XML declaration's encoding, else UTF-8 (XML 1.0 §4.3.3); undefined when the bytes do not decode. */
function decodeXml(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function placemarkProperties(placemark: Element, folders: readonly string[], walk: KmlWalk): GeoJsonProperties {
  const entries = new Map<string, string>();
  const put = (key: string | null, value: string) => {
    if (key === null || key === '') return;
    if (entries.has(key)) walk.duplicateKeys++;
    else entries.set(key, value);
  };
  const name = childText(placemark, 'name');
  if (name !== undefined) put('name', name.trim());
  const description = childText(placemark, 'description');
  if (description !== undefined) put('description', description.trim());
  if (folders.length > 0) put('folder', folders.join(' / '));
  for (const extended of childElements(placemark, 'ExtendedData')) {
    for (const data of childElements(extended, 'Data')) put(data.getAttribute('name'), childText(data, 'value') ?? '');
    for (const schemaData of childElements(extended, 'SchemaData'))
      for (const simple of childElements(schemaData, 'SimpleData')) put(simple.getAttribute('name'), simple.textContent ?? '');
  }
  // fromEntries defines own properties: a key "__proto__" stays data for the validator to refuse (docs/input-rules.md, G1).
  return Object.fromEntries(entries);
}

function walkContainer(container: Element, folders: readonly string[], walk: KmlWalk): void {
  for (const child of childElements(container)) {
    if (child.localName === 'Document') walkContainer(child, folders, walk);
    else if (child.localName === 'Folder') walkContainer(child, [...folders, (childText(child, 'name') ?? '').trim()], walk);
    else if (child.localName === 'Placemark') {
      const properties = placemarkProperties(child, folders, walk);
      const geometry = kmlPlacemarkGeometry(child);
      const index = walk.features.length;
      const label = typeof properties?.name === 'string' && properties.name !== '' ? ` ${safeText(properties.name, 40)}` : '';
      if (!geometry.ok) {
        walk.problems.push(importMessage('KML_INVALID_COORDINATES', `第 ${index + 1} 个地标${label}的坐标无效：${quoteValue(geometry.reason, 60)}（应为“经度,纬度[,高度]”）`, `placemark ${index + 1}${label} has invalid coordinates: ${quoteValue(geometry.reason, 60)} (expected "lon,lat[,alt]")`));
        walk.features.push({ type: 'Feature', properties, geometry: null });
        continue;
      }
      for (const kind of geometry.skipped) walk.skipped.add(kind);
      const feature: Feature<Geometry | null, GeoJsonProperties> = { type: 'Feature', properties, geometry: geometry.geometry };
      const id = child.getAttribute('id');
      if (id) feature.id = id;
      walk.features.push(feature);
    }
  }
}

/** A KML document as one layer in WGS 84 lon/lat, named by the file. Never throws. */
export function readKml(fileName: string, input: Uint8Array | string): ImportResult {
  const text = typeof input === 'string' ? input : decodeXml(input);
  if (text === undefined) return { ok: false, problems: [importMessage('NOT_UTF8', 'KML 文件的编码与其声明不符（应为 UTF-8）', 'the KML file is not in the encoding it declares (KML is UTF-8)')] };
  // KML needs no DTD; refusing one rules out entity-expansion bombs and external entities.
  if (/<!DOCTYPE/i.test(text)) return { ok: false, problems: [importMessage('KML_INVALID_XML', 'KML 文件含有 DOCTYPE 声明，出于安全原因不予读取', 'the KML file contains a DOCTYPE declaration, which is refused for safety')] };
  let root: Element | null;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    const reason = safeText(error instanceof Error ? error.message : String(error), 120);
    return { ok: false, problems: [importMessage('KML_INVALID_XML', `KML 文件不是格式正确的 XML：${reason}`, `the KML file is not well-formed XML: ${reason}`)] };
  }
  if (!root || root.localName !== 'kml') return { ok: false, problems: [importMessage('KML_NOT_KML', '这是 XML 文件，但不是 KML（根元素不是 <kml>）', 'this is XML but not KML (the root element is not <kml>)')] };

  const walk: KmlWalk = { features: [], problems: [], skipped: new Set(), duplicateKeys: 0 };
  walkContainer(root, [], walk);
  if (walk.problems.length > 0) return { ok: false, problems: walk.problems };
  const warnings: ImportMessage[] = [];
  if (walk.skipped.size > 0) {
    const kinds = [...walk.skipped].map((kind) => safeText(kind, 30)).join(', ');
    warnings.push(importMessage('KML_GEOMETRY_SKIPPED', `不支持的 KML 几何（${kinds}）未导入`, `unsupported KML geometry (${kinds}) was not imported`));
  }
  if (walk.duplicateKeys > 0)
    warnings.push(importMessage('KML_DUPLICATE_PROPERTY', `${walk.duplicateKeys} 个扩展数据与已有属性同名，保留了先出现的值`, `${walk.duplicateKeys} extended data values share a name with an earlier property; the first value was kept`));
  const collection: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features: walk.features };
  const layer: ImportLayer = { name: layerNameFromFileName(fileName), format: 'kml', text: JSON.stringify(collection), collection, crs: { ...KML_CRS }, warnings };
  return { ok: true, layers: [layer] };
}
