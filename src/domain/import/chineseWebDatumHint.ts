import type { LocalizedText } from '../plan/manifest';
import { isRecord } from '../isRecord';

/** Why a file's coordinates are probably from a Chinese web map, and which datum to convert from. */
export interface ChineseWebDatumHint {
  datum: 'gcj02';
  /** The telltale properties found, in DATAV_FIELDS order. */
  fields: string[];
  reason: LocalizedText;
}

/** Properties of Aliyun DataV GeoAtlas and ECharts map files, whose coordinates are GCJ-02 (docs/stack-notes.md, Coordinate systems of Chinese data). */
const DATAV_FIELDS = ['adcode', 'acroutes', 'parent', 'childrenNum', 'centroid', 'level'] as const;
/** Enough features to recognise a map file; the rest would say the same. */
const FEATURES_LOOKED_AT = 50;


/**
 * A DataV or ECharts administrative map: some feature has `adcode` and `acroutes` or `parent`.
 * Such files are in GCJ-02, which nothing in the coordinates themselves reveals (they are
 * plausible WGS 84 positions a few hundred metres off).
 */
export function chineseWebDatumHint(propertiesOfFeatures: readonly unknown[]): ChineseWebDatumHint | undefined {
  const found = new Set<string>();
  let recognised = false;
  for (const properties of propertiesOfFeatures.slice(0, FEATURES_LOOKED_AT)) {
    if (!isRecord(properties)) continue;
    const present = DATAV_FIELDS.filter((field) => field in properties);
    present.forEach((field) => found.add(field));
    if (present.includes('adcode') && (present.includes('acroutes') || present.includes('parent'))) recognised = true;
  }
  if (!recognised) return undefined;
  const fields = DATAV_FIELDS.filter((field) => found.has(field));
  const listed = fields.slice(0, 3).join(', ');
  return {
    datum: 'gcj02',
    fields,
    reason: {
      zh: `文件带有 DataV/ECharts 行政区地图的字段（${fields.slice(0, 3).join('、')}），这类文件的坐标是高德 GCJ-02 坐标，需转换才与本图对齐`,
      en: `the file has the fields of a DataV/ECharts boundary map (${listed}); such files are in Amap's GCJ-02 coordinates and need converting to line up with this map`,
    },
  };
}
