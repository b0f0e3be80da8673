import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatumShiftChoice } from '../domain/crs/declaredCrsTransform';
import { datumShiftChoice } from '../data/crs/validateWithCrsRegistry';
import { readDatumShiftProfile } from '../data/datum/readDatumShifts';
import { readCrsDefinition } from '../data/crs/readCrsDefinition';

const PROJECT_GEODATA = join(import.meta.dirname, '..', '..', 'geodata');

/**
 * The profile named by `--datum-shift` for `validate` and `stats`: from the datum-shifts.json of
 * the geodata folder given (a directory argument), else of the file's own folder when it has
 * one, else of the project's geodata folder, as the commands find layers.json.
 */
export async function datumShiftOption(name: string, path: string, isDirectory: boolean): Promise<DatumShiftChoice> {
  const folder = isDirectory ? path : existsSync(join(dirname(path), 'datum-shifts.json')) ? dirname(path) : PROJECT_GEODATA;
  return datumShiftChoice(await readDatumShiftProfile(folder, name), readCrsDefinition);
}
