/** The suffix of a file being written beside its target before the rename (writeFileAtomically). */
export const TEMP_SUFFIX = '.plan-map-tmp';

export function isTempFileName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}
