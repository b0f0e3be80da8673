import { describe, expect, it } from 'vitest';
import { datumShiftChanges } from '../../../../src/domain/datum/datumShiftChanges';
import type { DatumShiftProfile } from '../../../../src/domain/datum/datumShiftProfile';

const SEVEN: DatumShiftProfile = {
  name: '西安80-七参数', method: 'bursa-wolf-7', sourceCrs: 'EPSG:2383', convention: 'position-vector',
  dxMeters: 12.3, dyMeters: 0, dzMeters: 0, rxArcSeconds: 0, ryArcSeconds: 0, rzArcSeconds: 1.5, scalePpm: 0,
};

describe('datum-shift changes in words', () => {
  it('names each parameter that moved, with its unit, and profiles added, removed and given other control points', () => {
    const after: DatumShiftProfile = { ...SEVEN, dxMeters: 12.5, rzArcSeconds: 1.2, convention: 'coordinate-frame', controlPoints: [{ id: 'A', source: [1, 2], target: [3, 4] }] };
    const other: DatumShiftProfile = { name: '北京54', method: 'plane-4', sourceCrs: 'EPSG:2435', targetCrs: 'EPSG:4545', dxMeters: 0, dyMeters: 0, rotationArcSeconds: 0, scalePpm: 0 };
    expect(datumShiftChanges({ profiles: [SEVEN, other] }, { profiles: [after] }).map((change) => change.text.en)).toEqual([
      'profile 西安80-七参数: convention position-vector → coordinate-frame',
      'profile 西安80-七参数: dx 12.3 m → 12.5 m',
      'profile 西安80-七参数: rz 1.5″ → 1.2″',
      'profile 西安80-七参数: control points 0 → 1 (changed)',
      'profile 北京54 removed',
    ]);
    expect(datumShiftChanges({ profiles: [] }, { profiles: [SEVEN] })[0]?.text.zh).toBe('新增转换参数 西安80-七参数');
  });
});
