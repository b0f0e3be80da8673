import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateBursaWolf, estimatePlaneFour } from '../../../../src/domain/datum/estimateDatumShift';
import { applyPlaneFour } from '../../../../src/domain/datum/planeFourParameter';
import { controlPointResiduals } from '../../../../src/domain/datum/controlPointResiduals';
import { datumShiftedToLonLat } from '../../../../src/domain/datum/datumShiftedToLonLat';
import { parseDatumShifts, type BursaWolfProfile, type ControlPoint, type PlaneFourProfile } from '../../../../src/domain/datum/datumShiftProfile';
import type { CrsDefinition } from '../../../../src/domain/crs/crsDefinition';
import { crsForCode } from '../../../../src/domain/crs/crsForCode';
import { crsFixtureDirectory } from '../../../support/crsFixtures';

// docs/input-rules.md, C12: parameters from control points by least squares, and each point's residual in metres.

const XIAN_GK_102: CrsDefinition = { code: 2379, name: { zh: '西安80 102°E', en: 'Xian 1980 CM 102E' }, proj4: '+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=500000 +y_0=0 +ellps=IAU76 +units=m +no_defs +type=crs' };
const CGCS2000_LONLAT: CrsDefinition = { code: 4490, name: { zh: 'CGCS2000', en: 'CGCS2000' }, proj4: '+proj=longlat +ellps=GRS80 +no_defs' };
const CGCS2000_GK_102 = crsForCode(4543) as CrsDefinition;

function fixtureProfiles(): (BursaWolfProfile | PlaneFourProfile)[] {
  const parsed = parseDatumShifts(JSON.parse(readFileSync(join(crsFixtureDirectory, 'datum-shifts.json'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value.profiles;
}

describe('four parameters in the plane', () => {
  const truth = { dxMeters: -58.214, dyMeters: 112.907, rotationArcSeconds: 3.861, scalePpm: 4.52 };
  const sources: [number, number][] = [[571000, 2768000], [574500, 2768300], [572100, 2771900], [575800, 2772400], [573300, 2769900]];

  it('recovers the parameters from two points, exactly', () => {
    const points: ControlPoint[] = sources.slice(0, 2).map(([e, n], index) => ({ id: `P${index}`, source: [e, n], target: applyPlaneFour(truth, e, n) }));
    const estimated = estimatePlaneFour(points);
    expect(estimated?.dxMeters).toBeCloseTo(truth.dxMeters, 4);
    expect(estimated?.dyMeters).toBeCloseTo(truth.dyMeters, 4);
    expect(estimated?.rotationArcSeconds).toBeCloseTo(truth.rotationArcSeconds, 4);
    expect(estimated?.scalePpm).toBeCloseTo(truth.scalePpm, 4);
  });

  it('needs two points', () => {
    expect(estimatePlaneFour([{ id: 'P', source: [1, 2], target: [3, 4] }])).toBeUndefined();
  });

  it('shows each residual in metres: a point surveyed 5 cm off shows 5 cm less its share of the fit', () => {
    const points: ControlPoint[] = sources.map(([e, n], index) => {
      const [te, tn] = applyPlaneFour(truth, e, n);
      return { id: `P${index}`, source: [e, n], target: index === 4 ? [te + 0.05, tn] : [te, tn] };
    });
    const estimated = estimatePlaneFour(points);
    if (!estimated) throw new Error('no estimate');
    const profile: PlaneFourProfile = { name: 'fit', method: 'plane-4', sourceCrs: 'EPSG:2379', targetCrs: 'EPSG:4543', ...estimated, controlPoints: points };
    const result = controlPointResiduals(profile, XIAN_GK_102, CGCS2000_GK_102);
    if (!result.ok) throw new Error(result.reason.en);
    const residuals = result.residuals.map((residual) => residual.residualMeters);
    expect(residuals[4]).toBeGreaterThan(0.03);
    expect(residuals[4]).toBeLessThan(0.05);
    expect(Math.max(...residuals.slice(0, 4))).toBeLessThan(0.02);
  });
});

describe('seven parameters', () => {
  const [given] = fixtureProfiles();

  it('puts the fixture’s control points within a millimetre of where cs2cs puts them', () => {
    if (given?.method !== 'bursa-wolf-7') throw new Error('the first fixture profile is the 7-parameter one');
    const result = controlPointResiduals(given, XIAN_GK_102, CGCS2000_LONLAT);
    if (!result.ok) throw new Error(result.reason.en);
    expect(result.residuals.map((residual) => residual.id)).toEqual(['CP1', 'CP2', 'CP3', 'CP4']);
    expect(result.maxMeters).toBeLessThan(0.001);
  });

  it('fits points spread over a province to centimetres and the fixture’s district points to millimetres', () => {
    // Plane coordinates carry no heights: both sides are taken at height 0 on their ellipsoids, so
    // the fitted parameters absorb the height difference and differ from the generating ones; what
    // a bureau checks is the fit at its control points.
    if (given?.method !== 'bursa-wolf-7') throw new Error('the first fixture profile is the 7-parameter one');
    const shifted = datumShiftedToLonLat(XIAN_GK_102, given);
    const grid: [number, number][] = [[300000, 2600000], [700000, 2600000], [300000, 3100000], [700000, 3100000], [500000, 2850000]];
    const provincePoints: ControlPoint[] = grid.map(([e, n], index) => ({ id: `G${index}`, source: [e, n], target: shifted?.(e, n) ?? [0, 0] }));
    // Over 500 km the ignored heights leave a few centimetres; over a district nothing measurable.
    for (const [points, convention, toleranceMeters] of [[provincePoints, 'position-vector', 0.05], [given.controlPoints ?? [], 'coordinate-frame', 0.002]] as const) {
      const estimated = estimateBursaWolf(points, XIAN_GK_102, CGCS2000_LONLAT, convention);
      if (!estimated) throw new Error('no estimate');
      const result = controlPointResiduals({ ...given, ...estimated, controlPoints: points }, XIAN_GK_102, CGCS2000_LONLAT);
      if (!result.ok) throw new Error(result.reason.en);
      expect(result.maxMeters).toBeLessThan(toleranceMeters);
    }
  });

  it('needs three points', () => {
    expect(estimateBursaWolf(given?.controlPoints?.slice(0, 2) ?? [], XIAN_GK_102, CGCS2000_LONLAT, 'position-vector')).toBeUndefined();
  });
});
