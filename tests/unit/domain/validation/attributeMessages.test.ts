/** Attribute problems as staff read them: the field's label, the feature counted from 1, one language per half. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueTextWithoutFeature } from '../../../../src/domain/validation/issueTextWithoutFeature';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { projectManifest, projectSchemas } from '../../../support/inputCases';
import { projectRoot } from '../../../support/runCli';

const layer = projectManifest.layers.find((candidate) => candidate.id === 'urban-villages');
if (!layer) throw new Error('the sample manifest has no urban-villages layer');

/** The bundled layer with feature `index` changed by `change`. */
function layerWith(index: number, change: (properties: Record<string, unknown>) => void): string {
  const collection = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'urban-villages.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const feature = collection.features[index];
  if (!feature) throw new Error('fixture changed');
  change(feature.properties);
  return JSON.stringify(collection);
}

const check = (text: string) => validateGeoJson(text, { layer, manifest: projectManifest, schemas: projectSchemas });

describe('attribute problems name the field by its label and the feature as people count', () => {
  const report = check(layerWith(4, (properties) => {
    properties.households = -5;
    delete properties.plan;
  }));

  it('a negative household count: label, value and bound, Chinese and English apart', () => {
    const issue = report.problems.find((problem) => problem.path === '/features/4/properties/households');
    expect(issue?.code).toBe('ATTRIBUTE_MINIMUM');
    expect(issue?.featureIndex).toBe(4);
    expect(issue?.message.zh).toBe('要素 5（id “UV-005”，“马家庄”）：涉及户数：-5 超出范围（应 >= 0）');
    expect(issue?.message.en).toBe('feature 5 (id "UV-005", "马家庄"): Households: -5 is out of range (must be >= 0)');
  });

  it('a missing required attribute says so with its label, not its key', () => {
    const issue = report.problems.find((problem) => problem.path === '/features/4/properties/plan');
    expect(issue?.code).toBe('ATTRIBUTE_REQUIRED');
    expect(issue?.message.zh).toBe('要素 5（id “UV-005”，“马家庄”）：实施方式：必填，不能为空');
    expect(issue?.message.en).toBe('feature 5 (id "UV-005", "马家庄"): Approach: is required');
  });

  it('a long hostile value is cut inside its quotes and stays inert, and the halves do not bleed into each other', () => {
    const hostile = `<img src=x onerror=alert(1)>${'d'.repeat(80)}`;
    const issue = check(layerWith(0, (properties) => { properties.status = hostile; })).problems.find((problem) => problem.code === 'ATTRIBUTE_ENUM');
    expect(issue?.message.zh).toMatch(/^要素 1（id “UV-001”，“瓦窑村”）：状态：“\\u003cimg src=x onerror=alert\(1\)\\u003eddd+…” 不是允许的值，应为：待启动（pending）、征收中（expropriating）、/);
    expect(issue?.message.zh).not.toMatch(/[a-z]+ is not allowed/);
    expect(issue?.message.en).toMatch(/^feature 1 \(id "UV-001", "瓦窑村"\): Status: "\\u003cimg[^"]*…" is not allowed; expected one of: Not started \(pending\), /);
    expect(issue?.message.en).not.toContain('不是');
  });
});

describe('the import report names the feature in its list item, so a message need not repeat it', () => {
  it('a status history entry is named by labels, and the feature is left out of the report text', () => {
    const issue = check(layerWith(0, (properties) => {
      const history = properties.history as { status: string }[];
      const first = history[0];
      if (first) first.status = 'unknown-status';
    })).problems.find((problem) => problem.path.includes('/history/0/status'));
    expect(issue?.message.zh).toContain('状态历程第 1 条的状态：“unknown-status” 不是允许的值');
    expect(issue?.message.en).toContain('Status history item 1, status: "unknown-status" is not allowed');
    const text = issue && issueTextWithoutFeature(issue);
    expect(text?.zh).toMatch(/^状态历程第 1 条的状态：/);
    expect(text?.en).toMatch(/^Status history item 1, status: /);
  });
});

describe('the rules between a feature\'s values (consistency)', () => {
  it('speak each language whole, naming the field by its label', () => {
    const issue = check(layerWith(0, (properties) => {
      const history = properties.history as { date: string }[];
      const [first, second] = history;
      if (first && second) second.date = first.date;
    })).problems.find((problem) => problem.code === 'ATTRIBUTE_HISTORY_NOT_INCREASING');
    expect(issue?.message.zh).toMatch(/^要素 1（id “UV-001”，“瓦窑村”）：状态历程第 2 条的日期：历史记录日期须逐条递增：\d{4}-\d{2}-\d{2} 不晚于上一条 \d{4}-\d{2}-\d{2}$/);
    expect(issue?.message.en).toMatch(/^feature 1 \(id "UV-001", "瓦窑村"\): Status history item 2, date: history dates must be strictly increasing: \d{4}-\d{2}-\d{2} is not after \d{4}-\d{2}-\d{2}$/);
  });
});
