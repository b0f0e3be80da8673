import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayer } from '../../../../src/data/parseGeodata';
import { parseSubDistricts } from '../../../../src/data/parseSubDistricts';
import { forbiddenChanges, isRestricted, outsideScope, scopeParts, type EditScope } from '../../../../src/domain/access/editScope';
import type { PlanFeature, PlanFeatureCollection } from '../../../../src/domain/plan/planFeature';
import { streetOfShape } from '../../../../src/domain/streets/streetOfShape';

const GEODATA = join(import.meta.dirname, '..', '..', '..', '..', 'geodata');
const villages = parseLayer(readFileSync(join(GEODATA, 'urban-villages.geojson'), 'utf8'), 'urban-villages.geojson');
const subDistricts = parseSubDistricts(readFileSync(join(GEODATA, 'basemap', 'streets.geojson'), 'utf8'));
const placed = (geometry: Parameters<typeof streetOfShape>[0]) => streetOfShape(geometry, subDistricts)?.street;

function villageIn(street: string, skip = 0): PlanFeature {
  const found = villages.features.filter((feature) => feature.properties.street === street)[skip];
  if (!found) throw new Error(`the sample has an urban village in ${street}`);
  return found;
}

function withFeatures(features: PlanFeature[]): PlanFeatureCollection {
  return { type: 'FeatureCollection', features };
}

function replaced(collection: PlanFeatureCollection, feature: PlanFeature): PlanFeatureCollection {
  return withFeatures(collection.features.map((candidate) => (candidate.id === feature.id ? feature : candidate)));
}

const TAIHE: EditScope = { subDistricts: ['太和街道'], layers: ['urban-villages'] };
const taihe = villageIn('太和街道');
const fuhai = villageIn('福海街道');

describe('forbiddenChanges: what a scoped editor may save', () => {
  it('lets an account without a scope change anything, as before scopes existed', () => {
    const after = withFeatures(villages.features.filter((feature) => feature.id !== fuhai.id));
    expect(isRestricted(undefined)).toBe(false);
    expect(isRestricted({})).toBe(false);
    expect(forbiddenChanges(undefined, 'urban-villages', villages, after, placed)).toEqual([]);
    expect(forbiddenChanges({}, 'schools', villages, after, placed)).toEqual([]);
  });

  it('allows a change to a project of an allowed sub-district in an allowed layer', () => {
    const after = replaced(villages, { ...taihe, properties: { ...taihe.properties, households: 12 } });
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, after, placed)).toEqual([]);
  });

  it('names a project of another sub-district that was changed, removed or added, and only that one', () => {
    const changed = replaced(villages, { ...fuhai, properties: { ...fuhai.properties, households: 12 } });
    const [forbidden, ...others] = forbiddenChanges(TAIHE, 'urban-villages', villages, changed, placed);
    expect(others).toEqual([]);
    expect(forbidden).toMatchObject({ id: fuhai.id, name: fuhai.properties.name, reason: 'sub-district', subDistrict: '福海街道' });
    expect(forbidden?.message.zh).toContain('太和街道');
    expect(forbidden?.fix.en).toMatch(/undo/);

    const removed = withFeatures(villages.features.filter((feature) => feature.id !== fuhai.id));
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, removed, placed).map((feature) => feature.id)).toEqual([fuhai.id]);
    const without = withFeatures(villages.features.filter((feature) => feature.id !== fuhai.id));
    expect(forbiddenChanges(TAIHE, 'urban-villages', without, villages, placed).map((feature) => feature.id)).toEqual([fuhai.id]);
  });

  it('forbids moving a project out of the scope, by its sub-district or by its shape, and into it from outside', () => {
    const renamedOut = replaced(villages, { ...taihe, properties: { ...taihe.properties, street: '福海街道' } });
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, renamedOut, placed)).toMatchObject([{ id: taihe.id, reason: 'sub-district', subDistrict: '福海街道' }]);
    const renamedIn = replaced(villages, { ...fuhai, properties: { ...fuhai.properties, street: '太和街道' } });
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, renamedIn, placed)).toMatchObject([{ id: fuhai.id, reason: 'sub-district' }]);
    // The shape of the 福海 village under the 太和 village's name and street: it now lies in 福海.
    const movedOut = replaced(villages, { ...taihe, geometry: fuhai.geometry });
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, movedOut, placed)).toMatchObject([{ id: taihe.id, reason: 'sub-district', subDistrict: '福海街道' }]);
    // Without boundaries only the named sub-district counts.
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, movedOut)).toEqual([]);
  });

  it('forbids every change to a layer outside the scope', () => {
    const after = replaced(villages, { ...taihe, properties: { ...taihe.properties, households: 12 } });
    expect(forbiddenChanges(TAIHE, 'old-neighborhoods', villages, after, placed)).toMatchObject([{ id: taihe.id, reason: 'layer' }]);
    expect(forbiddenChanges({ layers: ['old-neighborhoods'] }, 'old-neighborhoods', villages, after, placed)).toEqual([]);
  });

  it('forbids a sub-district editor a project that belongs to no sub-district', () => {
    const nowhere: PlanFeature = { ...taihe, id: 'nowhere', geometry: null, properties: { ...taihe.properties, street: undefined } };
    expect(forbiddenChanges(TAIHE, 'urban-villages', villages, withFeatures([...villages.features, nowhere]), placed)).toMatchObject([{ id: 'nowhere', reason: 'no-sub-district' }]);
  });
});

describe('outsideScope and scopeParts: what the editor shows', () => {
  it('marks features of other sub-districts and other layers as outside', () => {
    expect(outsideScope(TAIHE, 'urban-villages', taihe)).toBeNull();
    expect(outsideScope(TAIHE, 'urban-villages', fuhai)).toEqual({ reason: 'sub-district', subDistrict: '福海街道' });
    expect(outsideScope(TAIHE, 'schools', taihe)).toEqual({ reason: 'layer' });
    expect(outsideScope(undefined, 'schools', fuhai)).toBeNull();
  });

  it('reads sub-districts first, then layer names', () => {
    expect(scopeParts({ subDistricts: ['东湖街道', '西湖街道'], layers: ['urban-villages'] }, (id) => (id === 'urban-villages' ? '城中村' : id))).toEqual(['东湖街道', '西湖街道', '城中村']);
  });
});
