import { describe, expect, it } from 'vitest';
import type { TargetSeries } from '../../../../src/domain/progress/targetSeries';
import { actualPath, chartFrame, dateAtFraction, pacePath, xFraction, yearLabels, yearTicks } from '../../../../src/ui/chart/chartFrame';
import { stepDate } from '../../../../src/ui/chart/stepDate';
import { contrastRatio, readableColor } from '../../../../src/ui/chart/readableColor';

const series: TargetSeries = {
  targetId: 't',
  planStart: '2024-01-01',
  endDate: '2026-11-26',
  deadline: '2028-12-31',
  target: 20,
  steps: [
    { date: '2024-01-01', actual: 0 },
    { date: '2025-01-01', actual: 5 },
    { date: '2026-01-01', actual: 25 },
  ],
};

describe('the chart frame', () => {
  it('spans the plan start to the deadline and zero to above the highest value', () => {
    const frame = chartFrame(series);
    expect(xFraction(frame, '2024-01-01')).toBe(0);
    expect(xFraction(frame, '2028-12-31')).toBe(1);
    expect(frame.maxValue).toBeGreaterThan(25);
    expect(dateAtFraction(frame, 0)).toBe('2024-01-01');
    expect(dateAtFraction(frame, 1)).toBe('2028-12-31');
    expect(dateAtFraction(frame, xFraction(frame, '2026-03-15'))).toBe('2026-03-15');
  });

  it('draws the actual as steps to the series end, and the pace to the target at the deadline, then level', () => {
    const frame = chartFrame(series);
    expect(actualPath(series, frame)).toMatch(/^M0\.0 1000\.0 H\d+\.\d V\d+\.\d H\d+\.\d V\d+\.\d H\d+\.\d$/);
    expect(actualPath(series, frame).endsWith(`H${(xFraction(frame, '2026-11-26') * 1000).toFixed(1)}`)).toBe(true);
    expect(pacePath(series, frame)).toMatch(/^M0\.0 1000\.0 L1000\.0 \d+\.\d H1000\.0$/);
  });

  it('puts a grid line on each 1 January and a label under each year it spans most of', () => {
    const frame = chartFrame(series);
    expect(yearTicks(frame).map((tick) => tick.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(yearLabels(frame).map((label) => label.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    const short = chartFrame({ ...series, deadline: '2026-03-01', endDate: '2026-03-01' });
    expect(yearLabels(short).map((label) => label.year)).toEqual([2024, 2025]);
  });
});

describe('stepping a chart with the keyboard', () => {
  it('moves to the previous or next change, never past today, and Home/End to the ends', () => {
    expect(stepDate(series, '2024-06-01', '2026-11-26', 'ArrowRight')).toBe('2025-01-01');
    expect(stepDate(series, '2025-01-01', '2026-11-26', 'ArrowRight')).toBe('2026-01-01');
    expect(stepDate(series, '2026-01-01', '2026-11-26', 'ArrowRight')).toBe('2026-11-26');
    expect(stepDate(series, '2025-06-01', '2025-12-01', 'ArrowRight')).toBe('2025-12-01');
    expect(stepDate(series, '2025-06-01', '2026-11-26', 'ArrowLeft')).toBe('2025-01-01');
    expect(stepDate(series, '2024-01-01', '2026-11-26', 'ArrowLeft')).toBe('2024-01-01');
    expect(stepDate(series, '2025-06-01', '2026-11-26', 'Home')).toBe('2024-01-01');
    expect(stepDate(series, '2025-06-01', '2026-11-26', 'End')).toBe('2026-11-26');
    expect(stepDate(series, '2025-06-01', '2026-11-26', 'a')).toBeNull();
  });
});

describe('a layer colour as a chart line', () => {
  it('keeps a colour that stands out 3:1 and mixes one that does not until it does', () => {
    expect(readableColor('#D55E00', '#0b1320')).toBe('#D55E00');
    const onWhite = readableColor('#E69F00', '#ffffff');
    expect(onWhite).not.toBe('#E69F00');
    expect(contrastRatio(onWhite, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(readableColor('#303030', '#0b1320'), '#0b1320')).toBeGreaterThanOrEqual(3);
  });
});
