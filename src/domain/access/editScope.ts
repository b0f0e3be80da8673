import { jsonEqual } from '../changes/layerDiff';
import type { LocalizedText } from '../plan/localizedText';
import type { PlanFeature, PlanFeatureCollection, PlanGeometry } from '../plan/planFeature';

/**
 * What an account may edit: projects of these sub-districts (街道, as features name them in
 * `street`) and/or these layers. A list left out does not restrict; no scope at all is the
 * unrestricted editor every account was before scopes existed.
 */
export interface EditScope {
  subDistricts?: readonly string[];
  layers?: readonly string[];
}

/** Why a feature lies outside a scope. */
export type ForbiddenReason = 'layer' | 'sub-district' | 'no-sub-district';

/** A feature a save may not touch: added, removed or changed although it lies (or would lie) outside the scope. */
export interface ForbiddenFeature {
  id: string;
  name: string;
  reason: ForbiddenReason;
  /** The sub-district the feature names or lies in that the scope leaves out (reason 'sub-district'). */
  subDistrict?: string;
  message: LocalizedText;
  fix: LocalizedText;
}

/**
 * The sub-district a shape lies in (mostly), or undefined when that cannot be told; given, a
 * feature must lie in an allowed sub-district as well as name one, so a project cannot be moved
 * out by its geometry while its `street` still names an allowed one.
 */
export type SubDistrictOfShape = (geometry: PlanGeometry) => string | undefined;

export function isRestricted(scope: EditScope | undefined): boolean {
  return scope?.subDistricts !== undefined || scope?.layers !== undefined;
}

/** The scope in a line, in the UI's order: sub-districts, then layer names (e.g. 东湖街道 · 城中村). */
export function scopeParts(scope: EditScope, layerName: (layerId: string) => string): string[] {
  return [...(scope.subDistricts ?? []), ...(scope.layers ?? []).map(layerName)];
}

/** Why `feature` of layer `layerId` lies outside `scope`, or null when the scope allows editing it. */
export function outsideScope(scope: EditScope | undefined, layerId: string, feature: PlanFeature, subDistrictOfShape?: SubDistrictOfShape): { reason: ForbiddenReason; subDistrict?: string } | null {
  if (!scope) return null;
  if (scope.layers && !scope.layers.includes(layerId)) return { reason: 'layer' };
  const allowed = scope.subDistricts;
  if (!allowed) return null;
  const named = typeof feature.properties.street === 'string' && feature.properties.street.trim() !== '' ? feature.properties.street.trim() : undefined;
  const placed = feature.geometry && subDistrictOfShape ? subDistrictOfShape(feature.geometry) : undefined;
  if (named === undefined && placed === undefined) return { reason: 'no-sub-district' };
  for (const subDistrict of [named, placed]) if (subDistrict !== undefined && !allowed.includes(subDistrict)) return { reason: 'sub-district', subDistrict };
  return null;
}

/**
 * The features a save from `before` to `after` touches outside `scope`: every feature added,
 * removed or changed must be allowed both as it was and as it will be, so a project can neither
 * be edited outside the scope nor moved (or renamed) out of it. Empty when the save is allowed.
 */
export function forbiddenChanges(
  scope: EditScope | undefined,
  layerId: string,
  before: PlanFeatureCollection,
  after: PlanFeatureCollection,
  subDistrictOfShape?: SubDistrictOfShape,
): ForbiddenFeature[] {
  if (!isRestricted(scope)) return [];
  const beforeById = new Map(before.features.map((feature) => [feature.id, feature]));
  const afterIds = new Set(after.features.map((feature) => feature.id));
  const touched: { old?: PlanFeature; new?: PlanFeature }[] = [];
  for (const feature of after.features) {
    const old = beforeById.get(feature.id);
    if (!old || !jsonEqual(old, feature)) touched.push({ ...(old ? { old } : {}), new: feature });
  }
  for (const feature of before.features) if (!afterIds.has(feature.id)) touched.push({ old: feature });
  const forbidden: ForbiddenFeature[] = [];
  for (const change of touched) {
    const outside = [change.old, change.new].flatMap((feature) => {
      const found = feature ? outsideScope(scope, layerId, feature, subDistrictOfShape) : null;
      return found ? [found] : [];
    })[0];
    const feature = change.new ?? change.old;
    if (outside && feature) forbidden.push({ id: feature.id, name: feature.properties.name, ...outside, ...forbiddenTexts(scope ?? {}, outside.reason) });
  }
  return forbidden;
}

/** Fixed texts (the feature's own id, name and sub-district go beside them, never into them). */
function forbiddenTexts(scope: EditScope, reason: ForbiddenReason): { message: LocalizedText; fix: LocalizedText } {
  const allowedZh = (scope.subDistricts ?? []).join('、');
  const allowedEn = (scope.subDistricts ?? []).join(', ');
  switch (reason) {
    case 'layer':
      return {
        message: { zh: '您的账号无权编辑此图层', en: 'your account may not edit this layer' },
        fix: { zh: '撤销对此图层的修改，或请管理员扩大账号的编辑范围', en: 'undo the changes to this layer, or ask an admin to widen your account’s scope' },
      };
    case 'sub-district':
      return {
        message: { zh: `此项目位于或将移至您的编辑范围（${allowedZh}）以外的街道`, en: `this project lies, or would lie, in a sub-district outside your scope (${allowedEn})` },
        fix: { zh: '撤销对此项目的修改，或请该街道的编辑人员修改', en: 'undo the changes to this project, or ask an editor of that sub-district to make them' },
      };
    case 'no-sub-district':
      return {
        message: { zh: '此项目不属于任何街道，您的账号只能编辑所属街道的项目', en: 'this project belongs to no sub-district, and your account edits only projects of its sub-districts' },
        fix: { zh: `填写所属街道（${allowedZh}），或请不受街道限制的编辑人员修改`, en: `set its sub-district (${allowedEn}), or ask an editor without a sub-district scope to make the change` },
      };
  }
}
