import type { DocumentChange } from '../changes/documentChange';
import { safeText } from '../validation/safeText';
import type { DatumShiftProfile, DatumShifts } from './datumShiftProfile';

/** Each parameter a profile may have, with its words and unit, in the order the history lists them. */
const FIELDS: readonly { key: string; zh: string; en: string; unit: string }[] = [
  { key: 'method', zh: '方法', en: 'method', unit: '' },
  { key: 'sourceCrs', zh: '源坐标系', en: 'source CRS', unit: '' },
  { key: 'targetCrs', zh: '目标坐标系', en: 'target CRS', unit: '' },
  { key: 'convention', zh: '旋转约定', en: 'convention', unit: '' },
  { key: 'dxMeters', zh: 'dx', en: 'dx', unit: ' m' },
  { key: 'dyMeters', zh: 'dy', en: 'dy', unit: ' m' },
  { key: 'dzMeters', zh: 'dz', en: 'dz', unit: ' m' },
  { key: 'rxArcSeconds', zh: 'rx', en: 'rx', unit: '″' },
  { key: 'ryArcSeconds', zh: 'ry', en: 'ry', unit: '″' },
  { key: 'rzArcSeconds', zh: 'rz', en: 'rz', unit: '″' },
  { key: 'rotationArcSeconds', zh: '旋转', en: 'rotation', unit: '″' },
  { key: 'scalePpm', zh: '尺度', en: 'scale', unit: ' ppm' },
  { key: 'description', zh: '说明', en: 'description', unit: '' },
];

const shown = (value: unknown, unit: string): string => {
  if (value === undefined || value === null) return '—';
  return typeof value === 'number' ? `${String(value)}${unit}` : safeText(String(value), 40);
};

const valueOf = (profile: DatumShiftProfile, key: string): unknown => (profile as unknown as Record<string, unknown>)[key];

/**
 * What a save of datum-shifts.json changes, profile by profile and parameter by parameter
 * ("profile 西安80-七参数: dx 12.3 → 12.5 m"), so the audit says which numbers moved, not just
 * that the file did. Profiles are matched by name: a renamed profile reads as one removed and one added.
 */
export function datumShiftChanges(before: DatumShifts, after: DatumShifts): DocumentChange[] {
  const changes: DocumentChange[] = [];
  const old = new Map(before.profiles.map((profile) => [profile.name, profile]));
  after.profiles.forEach((profile, index) => {
    const path = `/profiles/${index}`;
    const name = safeText(profile.name, 40);
    const previous = old.get(profile.name);
    if (!previous) {
      changes.push({ path, text: { zh: `新增转换参数 ${name}`, en: `profile ${name} added` } });
      return;
    }
    for (const field of FIELDS) {
      const from = valueOf(previous, field.key);
      const to = valueOf(profile, field.key);
      if (from === to) continue;
      const words = `${shown(from, field.unit)} → ${shown(to, field.unit)}`;
      changes.push({ path: `${path}/${field.key}`, text: { zh: `转换参数 ${name}：${field.zh} ${words}`, en: `profile ${name}: ${field.en} ${words}` } });
    }
    const points = (entry: DatumShiftProfile): string => JSON.stringify(entry.controlPoints ?? []);
    if (points(previous) !== points(profile)) {
      const count = (entry: DatumShiftProfile): number => entry.controlPoints?.length ?? 0;
      changes.push({
        path: `${path}/controlPoints`,
        text: { zh: `转换参数 ${name}：控制点 ${count(previous)} → ${count(profile)} 个（已修改）`, en: `profile ${name}: control points ${count(previous)} → ${count(profile)} (changed)` },
      });
    }
  });
  before.profiles.forEach((profile, index) => {
    if (!after.profiles.some((candidate) => candidate.name === profile.name))
      changes.push({ path: `/profiles/${index}`, text: { zh: `删除转换参数 ${safeText(profile.name, 40)}`, en: `profile ${safeText(profile.name, 40)} removed` } });
  });
  return changes;
}
