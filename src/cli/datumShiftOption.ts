import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatumShiftChoice } from '../domain/crs/declaredCrsTransform';
import { datumShiftChoice } from '../data/crs/validateWithCrsRegistry';
import { readDatumShiftProfile } from '../data/datum/readDatumShifts';
import { readCrsDefinition } from '../data/crs/readCrsDefinition';
import { profileResiduals } from '../data/datum/profileResiduals';
import type { ResidualsResult } from '../domain/datum/controlPointResiduals';

const PROJECT_GEODATA = join(import.meta.dirname, '..', '..', 'geodata');

/**
 * The profile named by `--datum-shift` for `validate` and `stats`: from the datum-shifts.json of
 * the geodata folder given (a directory argument), else of the file's own folder when it has
 * one, else of the project's geodata folder, as the commands find layers.json.
 */
export async function datumShiftOption(name: string, path: string, isDirectory: boolean): Promise<DatumShiftChoice> {
  return datumShiftChoice(await readDatumShiftProfile(datumShiftFolder(path, isDirectory), name), readCrsDefinition);
}

/** Where `--datum-shift` looks for datum-shifts.json. */
export function datumShiftFolder(path: string, isDirectory: boolean): string {
  return isDirectory ? path : existsSync(join(dirname(path), 'datum-shifts.json')) ? dirname(path) : PROJECT_GEODATA;
}

/** One line per control point of the profile, and the RMS: what a bureau checks before trusting it. */
export async function residualLines(choice: DatumShiftChoice): Promise<{ lines: string[]; residuals?: ResidualsResult }> {
  if (!choice.profile.controlPoints?.length) return { lines: [] };
  const residuals = await profileResiduals(choice.profile, readCrsDefinition);
  if (!residuals.ok) return { lines: [`转换参数 datum shift “${choice.profile.name}”: ${residuals.reason.zh} / ${residuals.reason.en}`], residuals };
  const metres = (value: number): string => value.toFixed(3);
  return {
    residuals,
    lines: [
      ...residuals.residuals.map((point) => `控制点 control point ${point.id}: 残差 residual ${metres(point.residualMeters)} m (东 east ${metres(point.eastMeters)} m, 北 north ${metres(point.northMeters)} m)`),
      `转换参数 datum shift “${choice.profile.name}”: 中误差 RMS ${metres(residuals.rmsMeters)} m, 最大 max ${metres(residuals.maxMeters)} m`,
    ],
  };
}

