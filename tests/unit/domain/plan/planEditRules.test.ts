import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeColourWarnings } from '../../../../src/domain/plan/closeColourWarnings';
import type { Manifest } from '../../../../src/domain/plan/manifest';
import { manifestChanges } from '../../../../src/domain/plan/manifestChanges';
import { manifestPlaceText, withManifestPlaces } from '../../../../src/domain/plan/manifestPlaceText';
import { removedStatusProblems } from '../../../../src/domain/plan/removedStatusProblems';
import { statusUseCounts } from '../../../../src/domain/plan/statusUseCounts';

const SAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../geodata/layers.json'), 'utf8')) as Manifest;

function edited(edit: (plan: Manifest) => void): Manifest {
  const copy = structuredClone(SAMPLE);
  edit(copy);
  return copy;
}

const roads = (plan: Manifest) => plan.layers.find((layer) => layer.id === 'roads') ?? plan.layers[0]!;

describe('what a change to the plan says in the history', () => {
  it('names the layer, the target and the values', () => {
    const after = edited((plan) => {
      plan.layers[0]!.targets[0]!.target = 20;
      plan.layers[0]!.targets[0]!.deadline = '2028-06-30';
    });
    expect(manifestChanges(SAMPLE, after).map((change) => change.text.zh)).toEqual([
      'urban-villages 目标 城中村拆除 目标值：18 → 20',
      'urban-villages 目标 城中村拆除 期限：2027-12-31 → 2028-06-30',
    ]);
  });

  it('covers the district, status labels and colours, counted statuses, and added or removed targets', () => {
    const after = edited((plan) => {
      plan.district.name.en = 'Hubin New District';
      plan.district.planEnd = '2030-12-31';
      roads(plan).statuses[1]!.label.zh = '施工中';
      roads(plan).statuses[1]!.color = '#AA3377';
      roads(plan).targets[0]!.countedStatuses = ['building', 'open'];
      roads(plan).targets.pop();
    });
    expect(manifestChanges(SAMPLE, after).map((change) => change.text.en)).toEqual([
      'district name (English): Hubin District → Hubin New District',
      'plan end: 2028-12-31 → 2030-12-31',
      'roads status building label (Chinese): 在建 → 施工中',
      'roads status building colour: #C8609A → #AA3377',
      'roads target New roads opened counted statuses: open → building, open',
      'roads target Length of new roads opened removed',
    ]);
  });

  it('says nothing when nothing changed, and keeps markup in names inert', () => {
    expect(manifestChanges(SAMPLE, structuredClone(SAMPLE))).toEqual([]);
    const [change] = manifestChanges(SAMPLE, edited((plan) => { plan.district.name.zh = '<img src=x>'; }));
    expect(change?.text.zh).not.toContain('<');
  });
});

describe('statuses that features still use', () => {
  const layer = {
    features: [
      { properties: { status: 'open', history: [{ status: 'planned' }, { status: 'building' }, { status: 'open' }] } },
      { properties: { status: 'building', history: [{ status: 'building' }] } },
    ],
  };

  it('counts a feature once per status it has now or had', () => {
    expect(statusUseCounts(layer)).toEqual({ open: 1, planned: 1, building: 2 });
    expect(statusUseCounts({ features: 'no' })).toEqual({});
  });

  it('refuses removing or renaming a used status, naming the layer and the count; an unused one may go', () => {
    const counts = { roads: statusUseCounts(layer) };
    const removed = edited((plan) => { roads(plan).statuses = roads(plan).statuses.filter((status) => status.id !== 'building'); });
    const [problem] = removedStatusProblems(SAMPLE, removed, counts);
    expect(problem).toMatchObject({ code: 'STATUS_IN_USE', path: '/layers/2/statuses' });
    expect(problem?.message.zh).toContain('新建道路（roads）有 2 个要素使用状态 building（在建）');
    expect(removedStatusProblems(SAMPLE, removed, { roads: { open: 3 } })).toEqual([]);
  });
});

describe('places and colours on the admin screen', () => {
  it('turns a JSON pointer into the names an admin sees', () => {
    expect(manifestPlaceText(SAMPLE, '/layers/0/targets/0/target')).toEqual({ zh: '城中村 › 目标 城中村拆除 › 目标值', en: 'Urban villages › target Urban villages demolished › target value' });
    expect(manifestPlaceText(SAMPLE, '/district/planEnd').en).toBe('district › plan end');
    expect(withManifestPlaces([{ path: '', message: { zh: '坏', en: 'bad' } }], SAMPLE)[0]?.message.en).toBe('bad');
  });

  it('warns of a status colour close to another status or lost on the basemap, not of the sample', () => {
    const paper = [{ name: { zh: '底图', en: 'basemap' }, color: '#f4f2ed' }];
    for (const layer of SAMPLE.layers) expect(closeColourWarnings(layer.statuses, paper, 190 / 255)).toEqual([]);
    const statuses = [
      { id: 'a', label: { zh: '甲', en: 'A' }, color: '#C8609A' },
      { id: 'b', label: { zh: '乙', en: 'B' }, color: '#C9639C' },
      { id: 'c', label: { zh: '丙', en: 'C' }, color: '#F3F1EC' },
    ];
    expect(closeColourWarnings(statuses, paper, 190 / 255).map((warning) => warning.statusId)).toEqual(['b', 'c']);
  });
});
