import { describe, expect, it } from 'vitest';
import { controlPointLinesOf, parseControlPointLines } from '../../../../src/domain/datum/controlPointLines';

describe('control points pasted one a line', () => {
  it('reads named and unnamed points separated by tabs, spaces or commas, skipping blanks and comments', () => {
    const parsed = parseControlPointLines('# 点名 x y 经度 纬度\nCP1\t572182.33\t2769212.46\t102.7159\t25.0270\n\n572479.08, 2769112.04, 102.7188, 25.0260\r\n');
    expect(parsed).toEqual({
      ok: true,
      points: [
        { id: 'CP1', source: [572182.33, 2769212.46], target: [102.7159, 25.027] },
        { id: 'P2', source: [572479.08, 2769112.04], target: [102.7188, 25.026] },
      ],
    });
    if (parsed.ok) expect(parseControlPointLines(controlPointLinesOf(parsed.points))).toEqual(parsed);
  });

  it('names each line that is not four numbers after an optional name', () => {
    const parsed = parseControlPointLines('CP1 1 2 3\nCP2 1 2 3 x');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((problem) => problem.en.slice(0, 7))).toEqual(['line 1 ', 'line 2 ']);
  });
});
