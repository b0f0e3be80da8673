import { describe, expect, it } from 'vitest';
import { parseDatumShifts } from '../../../../src/domain/datum/datumShiftProfile';
import { crsFixtureJson } from '../../../support/crsFixtures';

describe('datum-shifts.json', () => {
  it('reads the fixture’s profiles', () => {
    const parsed = parseDatumShifts(crsFixtureJson('datum-shifts.json'));
    expect(parsed.ok && parsed.value.profiles.map((profile) => profile.method)).toEqual(['bursa-wolf-7', 'bursa-wolf-7', 'bursa-wolf-7']);
  });

  it('refuses a profile without its rotation convention, naming where', () => {
    const parsed = parseDatumShifts({ profiles: [{ name: 'x', method: 'bursa-wolf-7', sourceCrs: 'EPSG:2379', dxMeters: 0, dyMeters: 0, dzMeters: 0, rxArcSeconds: 0, ryArcSeconds: 0, rzArcSeconds: 0, scalePpm: 0 }] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((issue) => issue.path)).toContain('/profiles/0/convention');
  });

  it('refuses two profiles of one name', () => {
    const profile = { name: 'x', method: 'plane-4', sourceCrs: 'EPSG:2379', targetCrs: 'EPSG:4543', dxMeters: 0, dyMeters: 0, rotationArcSeconds: 0, scalePpm: 0 };
    const parsed = parseDatumShifts({ profiles: [profile, profile] });
    expect(!parsed.ok && parsed.issues.map((issue) => issue.code)).toEqual(['DUPLICATE_ID']);
  });
});
