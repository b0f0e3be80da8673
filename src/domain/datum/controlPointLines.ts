import type { LocalizedText } from '../plan/localizedText';
import type { ControlPoint } from './datumShiftProfile';

/*
 * Control points pasted one a line, as a surveyor's table copies out of Excel or a text report:
 *   [name] source-x source-y target-x target-y
 * separated by spaces, tabs or commas. Source is easting northing in the profile's source CRS;
 * target is in its target CRS: longitude latitude on CGCS2000 (EPSG:4490) for seven parameters
 * unless the profile names a targetCrs, easting northing in the target plane for four. Without a
 * name a point is called P1, P2, … by its line. Blank lines and lines starting with # are skipped.
 */

export type ControlPointLines = { ok: true; points: ControlPoint[] } | { ok: false; problems: LocalizedText[] };

export function parseControlPointLines(text: string): ControlPointLines {
  const points: ControlPoint[] = [];
  const problems: LocalizedText[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/[\s,，;；]+/).filter((field) => field !== '');
    const named = fields.length === 5;
    const numbers = (named ? fields.slice(1) : fields).map(Number);
    if ((fields.length !== 4 && !named) || numbers.some((value) => !Number.isFinite(value))) {
      problems.push({
        zh: `第 ${index + 1} 行应为“[点名] 源x 源y 目标x 目标y”：${line.slice(0, 60)}`,
        en: `line ${index + 1} should be "[name] source-x source-y target-x target-y": ${line.slice(0, 60)}`,
      });
      return;
    }
    const [sx = 0, sy = 0, tx = 0, ty = 0] = numbers;
    points.push({ id: named ? (fields[0] ?? '') : `P${points.length + 1}`, source: [sx, sy], target: [tx, ty] });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, points };
}

/** The points as the lines parseControlPointLines reads, for editing a saved profile. */
export function controlPointLinesOf(points: readonly ControlPoint[]): string {
  return points.map((point) => [point.id, ...point.source, ...point.target].join(' ')).join('\n');
}
