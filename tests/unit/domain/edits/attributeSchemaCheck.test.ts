/** The attribute form's checks: the server's schema rules, applied to one feature while it is edited. */
import { describe, expect, it } from 'vitest';
import { attributeSchemaCheck, attributeSchemaTypes, attributeValueFromText } from '../../../../src/domain/edits/attributeSchemaCheck';
import { addDrawnFeature } from '../../../../src/domain/edits/addDrawnFeature';
import { changeAttributes } from '../../../../src/domain/edits/changeAttributes';
import { createGeodataValidator } from '../../../../src/domain/plan/schemaValidation';
import { layerSchema } from '../../../../src/domain/plan/layerSchema';
import { projectSchemas } from '../../../support/inputCases';
import { feature, layerDefinition, loadFixture, momentOf, reasonOf } from './editFixtures';

const layer = layerDefinition('urban-villages');
const check = attributeSchemaCheck(createGeodataValidator(projectSchemas), layer);
const villageSchema = layerSchema(layer);

describe('checking attributes by the layer schema', () => {
  it('names each wrong field by its label, as the save would refuse it', () => {
    const village = feature(loadFixture('villages'), 'UV-001');
    const { plan: _plan, ...withoutPlan } = village.properties;
    const problems = check({ ...village, properties: { ...withoutPlan, households: -5 } });
    expect(problems.get('households')).toEqual({ zh: '涉及户数：-5 超出范围（应 >= 0）', en: 'Households: -5 is out of range (must be >= 0)' });
    expect(problems.get('plan')).toEqual({ zh: '实施方式：必填，不能为空', en: 'Approach: is required' });
    expect(check(village).size).toBe(0);
  });

  it('says a household count typed as words is not a whole number', () => {
    const village = feature(loadFixture('villages'), 'UV-001');
    expect(check({ ...village, properties: { ...village.properties, households: '十二' } }).get('households')?.zh).toBe('涉及户数：应为整数，实际为 “十二”');
  });

  it('refuses the edit itself when a patched attribute breaks the schema, and accepts a valid one', () => {
    const collection = loadFixture('villages');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { households: -5 }, layer, check)).zh).toBe('涉及户数：-5 超出范围（应 >= 0）');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { plan: undefined }, layer, check)).en).toBe('Approach: is required');
    expect(momentOf(changeAttributes(collection, 'UV-001', { households: 12 }, layer, check)).putFeatures[0]?.properties.households).toBe(12);
  });
});

describe('checking a new project by the layer schema', () => {
  const drawn = { type: 'Polygon' as const, coordinates: [[[102.74, 25.0], [102.742, 25.0], [102.742, 25.002], [102.74, 25.002], [102.74, 25.0]]] };

  it('refuses a drawn project whose required attribute is blank, as the save would, and adds it once filled', () => {
    const collection = loadFixture('villages');
    const blank = addDrawnFeature(collection, layer, drawn, { name: '新村' }, 'demolishing', '2026-06-01', check);
    expect(reasonOf(blank)).toEqual({ zh: '实施方式：必填，不能为空', en: 'Approach: is required' });
    expect(reasonOf(addDrawnFeature(collection, layer, drawn, { name: '新村', plan: 'rebuild' }, 'pending', '2026-06-01', check)).zh).toContain('实施方式：“rebuild” 不是允许的值');
    const added = momentOf(addDrawnFeature(collection, layer, drawn, { name: '新村', plan: 'demolish', households: 12 }, 'demolishing', '2026-06-01', check)).putFeatures[0];
    expect(added?.properties).toEqual({ name: '新村', status: 'demolishing', plan: 'demolish', households: 12, history: [{ date: '2026-06-01', status: 'demolishing' }] });
  });
});

describe('form text to attribute values', () => {
  it('reads the types the schema gives a property', () => {
    expect(attributeSchemaTypes(villageSchema, 'households')).toEqual(['integer']);
    expect(attributeSchemaTypes(villageSchema, 'plan')).toEqual(['string']);
    expect(attributeSchemaTypes(villageSchema, 'no-such-field')).toEqual([]);
  });

  it('stores a number typed into an empty numeric field as a number, per schema type', () => {
    expect(attributeValueFromText('12', ['integer'], undefined)).toBe(12);
    expect(attributeValueFromText(' 3.5 ', ['number'], undefined)).toBe(3.5);
    expect(attributeValueFromText('12', ['string'], undefined)).toBe('12');
    expect(attributeValueFromText('12', [], 7)).toBe(12);
    expect(attributeValueFromText('12', [], undefined)).toBe('12');
  });

  it('keeps text that is not a number as text, for the schema to name, and removes a cleared field', () => {
    expect(attributeValueFromText('12 户', ['integer'], 10)).toBe('12 户');
    expect(attributeValueFromText('   ', ['integer'], 10)).toBeUndefined();
  });
});
