import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { featureBounds } from '../measure/featureBounds';
import { formatMeasure, formatNumber } from '../format/formatMeasure';
import { formatMeasureDelta } from '../format/formatMeasureDelta';
import { jsonEqual } from '../changes/layerDiff';
import type { LayerDefinition, Locale, MeasureUnit } from '../plan/manifest';
import { lengthMeters } from '../measure/lengthMeters';
import { measureInUnit } from '../measure/units';
import { featureIssue, featureLabel } from '../validation/featureIssue';
import type { ValidationIssue } from '../validation/validationReport';
import type { DistrictExtent } from './districtExtent';
import { measureOutsideDistrict } from './measureOutsideDistrict';
import { districtSizeLimit, LAYER_TOTAL_JUMP_SHARE, layerJumpFloor, MOSTLY_OUTSIDE_SHARE } from './plausibilityLimits';

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

export interface PlausibilityInput {
  layer: LayerDefinition;
  district: DistrictExtent;
  /** The features this change brings: a saved layer's new content, or an imported file. Issues count their featureIndex here. */
  incoming: readonly AnyFeature[];
  /**
   * The layer as it is saved now. Features of `incoming` identical to a saved one (same id, same
   * geometry) are not checked again: a project confirmed once is not questioned at every save.
   * Undefined when unknown: every incoming feature is checked and the layer's total is not.
   */
  saved?: readonly AnyFeature[];
  /**
   * What the layer holds after the change: `incoming` itself when the change replaces the layer
   * (the default), 'merge' when incoming features replace saved ones of the same id and the rest
   * are added (an import added to the layer), or the features themselves.
   */
  result?: readonly AnyFeature[] | 'merge';
  /** Incoming features not to measure: their geometry has problems of its own. */
  skip?: ReadonlySet<number>;
  /**
   * The layer's features that neither `saved` nor `result` holds, by their count and measures: a
   * save of one project of a large layer gives that project alone, and the rest as totals.
   */
  unchanged?: { count: number; areaSquareMeters: number; lengthMeters: number };
}

export interface PlausibilityReport {
  /** Each names the feature (or the layer), the figure, and what to check. */
  problems: ValidationIssue[];
  /**
   * What a save must carry to go ahead anyway (the server's `confirmExtent`): the counts of each
   * kind of problem and the change of the layer's total, e.g. "larger:1;outside:1;change:+89446.69ha".
   * A different change gives a different text, so a confirmation never covers figures nobody saw.
   * Null when there is nothing to confirm.
   */
  confirmation: string | null;
}

const MEASURE_WORDS = { area: { zh: '面积', en: 'area' }, length: { zh: '长度', en: 'length' } } as const;

/**
 * The plausibility check of staff imports and saves, the same for the import review, the server
 * and `npm run validate --layer`: features mostly outside the district, features larger than the
 * district, and changes of a layer's total beyond a sane share (plausibilityLimits). Pure; never
 * throws.
 */
export function checkPlausibility(input: PlausibilityInput): PlausibilityReport {
  const { layer, district } = input;
  const kind = layer.geometry === 'line' ? 'length' : 'area';
  // Point layers measure nothing but their count: their size checks read as zero and never fire.
  const unit = layer.unit ?? 'ha';
  const show = (meters: number, locale: Locale): string => formatMeasure(inUnit(unit, kind, meters), unit, locale);
  const savedGeometry = new Map<string, Geometry | null>();
  for (const feature of input.saved ?? []) if (feature.id !== undefined) savedGeometry.set(String(feature.id), feature.geometry);
  const problems: ValidationIssue[] = [];
  let outsideCount = 0;
  let largerCount = 0;
  const sizeLimit = districtSizeLimit(kind, district);
  const where = district.source === 'boundary' ? { zh: '区界', en: 'the district boundary' } : { zh: '本区范围', en: "the district's bounds" };

  input.incoming.forEach((feature, index) => {
    if (input.skip?.has(index) || !feature.geometry) return;
    const id = feature.id === undefined ? undefined : String(feature.id);
    if (id !== undefined && savedGeometry.has(id)) {
      const before = savedGeometry.get(id);
      if (before === feature.geometry || jsonEqual(before, feature.geometry)) return;
    }
    const { measure, outside } = measureOutsideDistrict(feature.geometry, kind, district);
    if (measure === 0) return;
    const label = featureLabel(index, feature);
    const path = `/features/${index}/geometry`;
    const box = featureBounds(feature.geometry);
    const location: [number, number] | undefined = box ? [microDegrees((box[0] + box[2]) / 2), microDegrees((box[1] + box[3]) / 2)] : undefined;
    if (measure > sizeLimit) {
      largerCount += 1;
      const times = formatNumber(measure / sizeLimit, 1, 'en');
      problems.push(kind === 'area'
        ? featureIssue(label, 'LARGER_THAN_DISTRICT', path, `面积 ${show(measure, 'zh')}，是全区 ${show(sizeLimit, 'zh')}的 ${times} 倍：这是行政区边界吗？还是坐标系或目标图层选错了？`, `covers ${show(measure, 'en')}, ${times}× the district's ${show(sizeLimit, 'en')}: is it the district boundary, or in the wrong CRS or layer?`, location)
        : featureIssue(label, 'LARGER_THAN_DISTRICT', path, `长 ${show(measure, 'zh')}，比全区边界的总长 ${show(sizeLimit, 'zh')}还长：这是边界线吗？还是坐标系或目标图层选错了？`, `is ${show(measure, 'en')} long, longer than the district's whole boundary (${show(sizeLimit, 'en')}): is it a boundary line, or in the wrong CRS or layer?`, location));
    }
    if (outside > measure * MOSTLY_OUTSIDE_SHARE) {
      outsideCount += 1;
      const percent = Math.round((outside / measure) * 100);
      problems.push(featureIssue(
        label,
        'MOSTLY_OUTSIDE_DISTRICT',
        path,
        `${percent}% 的${MEASURE_WORDS[kind].zh}（${show(outside, 'zh')}，共 ${show(measure, 'zh')}）在${where.zh}之外：坐标是否来自别的坐标系（高德、百度或投影坐标），或这是别处的数据？`,
        `${percent}% of its ${MEASURE_WORDS[kind].en} (${show(outside, 'en')} of ${show(measure, 'en')}) lies outside ${where.en}: are the coordinates in another system (Amap, Baidu or projected), or is this data for somewhere else?`,
        location,
      ));
    }
  });

  let change: number | undefined;
  if (input.saved) {
    const result = input.result === 'merge' ? mergedById(input.saved, input.incoming) : (input.result ?? input.incoming);
    const rest = input.unchanged ? (kind === 'area' ? input.unchanged.areaSquareMeters : input.unchanged.lengthMeters) : 0;
    const before = rest + totalOf(input.saved, kind);
    const after = rest + totalOf(result, kind);
    const difference = after - before;
    change = difference;
    const floor = layerJumpFloor(kind, district);
    // An emptied layer has its own confirmation (the server's confirmEmpty).
    if (result.length + (input.unchanged?.count ?? 0) > 0 && Math.abs(difference) > before * LAYER_TOTAL_JUMP_SHARE && Math.abs(difference) > floor) {
      const delta = (locale: Locale) => formatMeasureDelta(unit, kind === 'area' ? difference : 0, kind === 'length' ? difference : 0, locale);
      const share = before > 0 ? `, ${difference > 0 ? '+' : '−'}${formatNumber(Math.abs(difference / before) * 100, 0, 'en')}%` : '';
      problems.unshift({
        path: '',
        code: 'LAYER_TOTAL_JUMP',
        message: {
          zh: `这次修改使图层的总${MEASURE_WORDS[kind].zh}从 ${show(before, 'zh')}变为 ${show(after, 'zh')}（${delta('zh')}${share.replace(', ', '，')}）：变化超过原有的一半，且多于 ${show(floor, 'zh')}；请确认文件和目标图层无误`,
          en: `this changes the layer's total ${MEASURE_WORDS[kind].en} from ${show(before, 'en')} to ${show(after, 'en')} (${delta('en')}${share}): more than half of what it was, and more than ${show(floor, 'en')}; make sure the file and the target layer are right`,
        },
      });
    }
  }
  if (problems.length === 0) return { problems, confirmation: null };
  const parts = [largerCount > 0 ? `larger:${largerCount}` : '', outsideCount > 0 ? `outside:${outsideCount}` : '', change === undefined ? '' : `change:${signedFigure(inUnit(unit, kind, change))}${unit}`];
  return { problems, confirmation: parts.filter((part) => part !== '').join(';') };
}

/** Saved features with incoming ones of the same id in their place, then the other incoming ones (without an id too). */
function mergedById(saved: readonly AnyFeature[], incoming: readonly AnyFeature[]): AnyFeature[] {
  const byId = new Map<string, AnyFeature>();
  for (const feature of incoming) if (feature.id !== undefined) byId.set(String(feature.id), feature);
  const replaced = new Set<AnyFeature>();
  const merged = saved.map((feature) => {
    const replacement = feature.id === undefined ? undefined : byId.get(String(feature.id));
    if (!replacement) return feature;
    replaced.add(replacement);
    return replacement;
  });
  return [...merged, ...incoming.filter((feature) => !replaced.has(feature))];
}

/** A place to fly to, to 0.1 m: enough for a map, short enough to print. */
function microDegrees(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

function inUnit(unit: MeasureUnit, kind: 'area' | 'length', meters: number): number {
  return kind === 'area' ? measureInUnit(unit, meters, 0) : measureInUnit(unit, 0, meters);
}

function totalOf(features: readonly AnyFeature[], kind: 'area' | 'length'): number {
  let total = 0;
  for (const feature of features) total += kind === 'area' ? areaSquareMeters(feature.geometry) : lengthMeters(feature.geometry);
  return total;
}

/** Locale-free and rounded to the figure staff see (2 decimals), so client and server write the same text. */
function signedFigure(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  return fixed === '0.00' ? '0.00' : `${value > 0 ? '+' : '-'}${fixed}`;
}
