import { parseDatumShifts, type DatumShifts } from '../../domain/datum/datumShiftProfile';
import type { ValidationIssue } from '../../domain/validation/validationReport';

/**
 * Browser side: `<baseUrl>datum-shifts.json`, the bureau's datum-shift profiles, served from the
 * geodata folder like layers.json. A folder without the file has no profiles.
 */
export async function fetchDatumShifts(baseUrl: string, signal?: AbortSignal): Promise<{ ok: true; value: DatumShifts } | { ok: false; issues: ValidationIssue[] }> {
  const response = await fetch(new URL('datum-shifts.json', baseUrl).href, { signal });
  if (response.status === 404) return { ok: true, value: { profiles: [] } };
  if (!response.ok) return { ok: false, issues: [{ path: '', code: 'MISSING_FILE', message: { zh: `无法读取 datum-shifts.json（HTTP ${response.status}）`, en: `datum-shifts.json cannot be read (HTTP ${response.status})` } }] };
  let value: unknown;
  try {
    value = JSON.parse(await response.text()) as unknown;
  } catch {
    return { ok: false, issues: [{ path: '', code: 'INVALID_JSON', message: { zh: 'datum-shifts.json 不是有效的 JSON', en: 'datum-shifts.json is not valid JSON' } }] };
  }
  return parseDatumShifts(value);
}
