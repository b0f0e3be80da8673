import type { EditScope } from '../domain/access/editScope';
import { isRecord } from '../domain/isRecord';
import type { LocalizedText } from '../domain/plan/localizedText';

/** A feature the server refused to let the user touch (403 outside-edit-scope), as the app shows it. */
export interface RefusedFeature {
  id: string;
  name: string;
  message: LocalizedText;
  fix: LocalizedText;
}

function nameList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : undefined;
}

/** The session's `scope`: null when the account may edit everything its role allows. */
export function parseEditScope(value: unknown): EditScope | null {
  if (!isRecord(value)) return null;
  const subDistricts = nameList(value.subDistricts);
  const layers = nameList(value.layers);
  return { ...(subDistricts ? { subDistricts } : {}), ...(layers ? { layers } : {}) };
}

function localized(value: unknown): LocalizedText {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string' ? { zh: value.zh, en: value.en } : { zh: '', en: '' };
}

/** The features of a 403 outside-edit-scope answer (src/server/routes/saveLayerAndRespond.ts). */
export function parseRefusedFeatures(body: Record<string, unknown>): RefusedFeature[] {
  const features = Array.isArray(body.features) ? body.features : [];
  return features.filter(isRecord).map((feature) => ({
    id: typeof feature.id === 'string' ? feature.id : '',
    name: typeof feature.name === 'string' ? feature.name : '',
    message: localized(feature.message),
    fix: localized(feature.fix),
  }));
}
