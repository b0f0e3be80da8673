import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile } from '../data/readGeodataDirectory';
import { controlLineFileIssues } from '../domain/control/controlLineFileIssues';
import { controlLineIdsOf } from '../domain/control/controlLineIdsOf';

/** The control-line files layers.json names: each must be there and hold named areas. Lines in check-data's format. */
export async function checkControlLines(directory: string): Promise<string[]> {
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(await readTextFile(join(directory, 'layers.json')));
  } catch {
    // layers.json itself is the validator's to report.
    return [];
  }
  const lines: string[] = [];
  for (const id of controlLineIdsOf(manifestJson)) {
    const file = `${id}.geojson`;
    const path = join(directory, file);
    if (!existsSync(path)) {
      lines.push(`${file} [MISSING_FILE] 缺少管控线文件 ${file} / control-line file ${file} is missing`);
      continue;
    }
    try {
      for (const issue of controlLineFileIssues(file, JSON.parse(await readTextFile(path))))
        lines.push(`${file} ${issue.path || '/'} [${issue.code}] ${issue.message.zh} / ${issue.message.en}`);
    } catch (error) {
      lines.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return lines;
}
