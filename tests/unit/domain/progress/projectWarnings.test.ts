import { describe, expect, it } from 'vitest';
import { projectWarnings, warningMask, warningsByStreet } from '../../../../src/domain/progress/projectWarnings';
import type { LayerDefinition } from '../../../../src/domain/plan/manifest';
import { handMadeLayer, LIFECYCLE_LAYER } from '../../../support/planLayers';

/** The urban-village lifecycle: two branches, demolish (… demolished) and renovate (… renovated). */
const VILLAGES: LayerDefinition = {
  ...LIFECYCLE_LAYER,
  id: 'urban-villages',
  statuses: ['pending', 'expropriating', 'demolishing', 'demolished', 'renovating', 'renovated'].map((id) => ({ id, label: { zh: id, en: id }, color: '#777777' })),
  doneStatuses: ['demolished', 'renovated'],
};

describe('projectWarnings: which projects are late on a day', () => {
  it('lists a project that has not reached a planned status by its date as overdue, with whole days late', () => {
    const layer = handMadeLayer([{ status: 'working', plan_dates: { done: '2026-06-30' }, unit_in_charge: '区住建局', street: '金湖街道' }]);
    expect(projectWarnings(layer, '2026-07-10')).toEqual([{
      layerId: 'test-layer', featureIndex: 0, featureId: 'f-0', kind: 'overdue', status: 'done', due: '2026-06-30',
      daysLate: 10, currentStatus: 'working', street: '金湖街道', unitInCharge: '区住建局',
    }]);
  });

  it('counts a project due on the day itself as overdue by 0 days', () => {
    const layer = handMadeLayer([{ status: 'working', plan_dates: { done: '2026-06-30' } }]);
    expect(projectWarnings(layer, '2026-06-30')[0]).toMatchObject({ kind: 'overdue', daysLate: 0, unitInCharge: '' });
  });

  it('lists a project due within 30 days as due soon, with its days left as negative days late', () => {
    const layer = handMadeLayer([
      { status: 'pending', plan_dates: { working: '2026-07-30' } },
      { status: 'pending', plan_dates: { working: '2026-08-01' } },
    ]);
    const warnings = projectWarnings(layer, '2026-06-30');
    expect(warnings.map((warning) => [warning.featureId, warning.kind, warning.daysLate])).toEqual([['f-0', 'dueSoon', -30]]);
  });

  it('leaves out a project that has reached the planned status or a later one', () => {
    const layer = handMadeLayer([
      { status: 'working', plan_dates: { working: '2026-01-31' } },
      { status: 'done', plan_dates: { working: '2026-01-31', done: '2026-03-31' } },
    ]);
    expect(projectWarnings(layer, '2026-07-01')).toEqual([]);
  });

  it('reports the earliest planned date a project has missed', () => {
    const layer = handMadeLayer([{ status: 'pending', plan_dates: { done: '2026-06-30', working: '2026-02-28' } }]);
    expect(projectWarnings(layer, '2026-07-01')[0]).toMatchObject({ status: 'working', due: '2026-02-28', daysLate: 123 });
  });

  it('on a branching lifecycle counts only the plan dates a project carries, and never a finished project', () => {
    const layer = handMadeLayer([
      // Renovate branch: renovating comes after demolished in the list, but it plans only renovated.
      { status: 'renovating', plan_dates: { renovated: '2026-05-31' }, history: [{ date: '2025-01-01', status: 'renovating' }] },
      // Demolish branch, finished: a stray plan date of the other branch is not a warning.
      { status: 'demolished', plan_dates: { renovated: '2026-05-31' }, history: [{ date: '2025-01-01', status: 'demolished' }] },
      { status: 'demolishing', plan_dates: { demolished: '2026-06-15' }, history: [{ date: '2025-01-01', status: 'demolishing' }] },
    ], VILLAGES);
    expect(projectWarnings(layer, '2026-07-01').map((warning) => [warning.featureId, warning.status, warning.daysLate])).toEqual([
      ['f-0', 'renovated', 31],
      ['f-2', 'demolished', 16],
    ]);
  });

  it('on a past timeline date uses the status the project had then', () => {
    const layer = handMadeLayer([{
      status: 'done',
      plan_dates: { done: '2026-03-31' },
      history: [{ date: '2025-01-01', status: 'pending' }, { date: '2026-05-01', status: 'done' }],
    }]);
    expect(projectWarnings(layer, '2026-04-10')).toMatchObject([{ kind: 'overdue', daysLate: 10, currentStatus: 'pending' }]);
    expect(projectWarnings(layer, '2026-03-15')).toMatchObject([{ kind: 'dueSoon', daysLate: -16 }]);
    expect(projectWarnings(layer, '2026-06-01')).toEqual([]);
  });

  it('ignores plan dates that are not calendar dates or name a status outside the lifecycle (validation reports them)', () => {
    const layer = handMadeLayer([
      { status: 'pending', plan_dates: { done: '2026-02-30' } },
      { status: 'pending', plan_dates: { finished: '2026-01-01' } },
      { status: 'pending', plan_dates: 'soon' },
    ]);
    expect(projectWarnings(layer, '2026-07-01')).toEqual([]);
  });

  it('orders most overdue first, gives a mask for the late-only filter and groups by sub-district', () => {
    const layer = handMadeLayer([
      { status: 'pending', plan_dates: { done: '2026-06-01' }, street: '海埂街道' },
      { status: 'pending' },
      { status: 'pending', plan_dates: { done: '2026-01-01' }, street: '金湖街道' },
      { status: 'pending', plan_dates: { done: '2026-07-10' }, street: '海埂街道' },
    ]);
    const warnings = projectWarnings(layer, '2026-07-01');
    expect(warnings.map((warning) => warning.featureId)).toEqual(['f-2', 'f-0', 'f-3']);
    expect([...warningMask(layer.featureCount, warnings)]).toEqual([1, 0, 1, 1]);
    expect(warningsByStreet(warnings).map((group) => [group.street, group.warnings.length])).toEqual([['金湖街道', 1], ['海埂街道', 2]]);
  });
});
