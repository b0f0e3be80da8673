import { describe, expect, it } from 'vitest';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { changeStatus } from '../../../../src/domain/edits/changeStatus';
import { feature, layerDefinition, loadFixture, momentOf, reasonOf } from './editFixtures';

const villages = layerDefinition('urban-villages');

describe('changing the status of a selection', () => {
  it('sets the status and appends a dated history entry to every selected feature, in one step', () => {
    const before = loadFixture('villages');
    const moment = momentOf(changeStatus(before, villages, ['UV-002', 'UV-030'], 'expropriating', '2025-03-15'));
    const after = applyMoment(before, moment).collection;
    for (const id of ['UV-002', 'UV-030']) {
      expect(feature(after, id).properties.status).toBe('expropriating');
      expect(feature(after, id).properties.history.at(-1)).toEqual({ date: '2025-03-15', status: 'expropriating' });
    }
    expect(feature(after, 'UV-002').properties.history).toHaveLength(2);
    expect(feature(after, 'UV-001')).toBe(feature(before, 'UV-001'));
    expect(Object.keys(feature(after, 'UV-002').properties)).toEqual(Object.keys(feature(before, 'UV-002').properties));
  });

  it('leaves features already in that status without a new history entry', () => {
    const before = loadFixture('villages');
    const moment = momentOf(changeStatus(before, villages, ['UV-001', 'UV-002'], 'renovating', '2025-03-15'));
    expect(moment.putFeatures.map((item) => item.id)).toEqual(['UV-002']);
  });

  it('refuses a status outside the lifecycle, saying why in Chinese and English', () => {
    const reason = reasonOf(changeStatus(loadFixture('villages'), villages, ['UV-002'], 'finished', '2025-03-15'));
    expect(reason.zh).toContain('状态 “finished” 不在图层“城中村”的状态流程中');
    expect(reason.en).toContain('status "finished" is not in the lifecycle of layer "Urban villages"');
  });

  it('refuses a date before (or on) the last history date, naming the feature', () => {
    const collection = loadFixture('villages');
    const reason = reasonOf(changeStatus(collection, villages, ['UV-002', 'UV-003'], 'demolishing', '2024-08-31'));
    expect(reason.en).toBe('"龙头村" (UV-003) last changed status on 2024-09-01; the new date 2024-08-31 must be later');
    expect(reason.zh).toContain('须晚于');
    expect(changeStatus(collection, villages, ['UV-003'], 'demolishing', '2024-09-01').ok).toBe(false);
  });

  it('refuses impossible dates and unknown features', () => {
    const collection = loadFixture('villages');
    expect(reasonOf(changeStatus(collection, villages, ['UV-002'], 'demolishing', '2025-02-30')).en).toContain('not a valid date');
    expect(reasonOf(changeStatus(collection, villages, ['UV-002'], 'demolishing', '15/03/2025')).zh).toContain('不是有效日期');
    expect(reasonOf(changeStatus(collection, villages, ['UV-999'], 'demolishing', '2025-03-15')).en).toContain('there is no feature "UV-999"');
    expect(reasonOf(changeStatus(collection, villages, [], 'demolishing', '2025-03-15')).en).toBe('no feature is selected');
  });
});
