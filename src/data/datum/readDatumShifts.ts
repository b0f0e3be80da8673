import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDatumShifts, type DatumShiftProfile, type DatumShifts } from '../../domain/datum/datumShiftProfile';

/** Why a profile named on the command line cannot be used, Chinese / English. */
export class DatumShiftError extends Error {}

/**
 * Node side: the profile `name` of `<geodataDirectory>/datum-shifts.json`, for `--datum-shift`
 * (docs/input-rules.md, C12). Throws DatumShiftError naming the file and what is wrong with it.
 */
export async function readDatumShiftProfile(geodataDirectory: string, name: string): Promise<DatumShiftProfile> {
  const path = join(geodataDirectory, 'datum-shifts.json');
  return profileNamed(path, await readDatumShiftsFile(path), name);
}

/** The profile `name` of a datum-shifts.json read from `path`, or a DatumShiftError listing the names it has. */
export function profileNamed(path: string, shifts: DatumShifts, name: string): DatumShiftProfile {
  const profile = shifts.profiles.find((candidate) => candidate.name === name);
  if (!profile) throw new DatumShiftError(`${path}: 没有名为“${name}”的转换参数 / no profile named "${name}" (${profileNames(shifts)})`);
  return profile;
}

export const profileNames = (shifts: DatumShifts): string => shifts.profiles.map((candidate) => candidate.name).join(', ') || 'none';

/** A datum-shifts.json file, checked against its contract; throws DatumShiftError naming the file and what is wrong with it. */
export async function readDatumShiftsFile(path: string): Promise<DatumShifts> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DatumShiftError(`${path}: 找不到转换参数文件 / no such datum-shifts file`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new DatumShiftError(`${path}: 不是有效的 JSON / not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parseDatumShifts(value);
  if (!parsed.ok) throw new DatumShiftError(`${path}: ${parsed.issues.map((issue) => `${issue.path || '/'} ${issue.message.zh} / ${issue.message.en}`).join('; ')}`);
  return parsed.value;
}
