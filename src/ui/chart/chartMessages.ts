/** The words of the progress charts (TargetChart), part of the one dictionary in src/ui/messages.ts. */
export const chartMessages = {
  chartActual: { zh: '实际', en: 'Actual' },
  chartPace: { zh: '匀速进度', en: 'Steady pace' },
  chartTarget: { zh: '目标', en: 'Target' },
  chartProgressOverTime: { zh: '进度曲线', en: 'Progress over time' },
  /** The chart as a slider: what it is and how to use it without a mouse. */
  chartLabel: { zh: '{target}的进度曲线：点击或拖动选择日期，← → 键逐次变化', en: 'Progress of {target} over time: click or drag to choose the date, ← → step through the changes' },
  chartYear: { zh: '{year}年', en: '{year}' },
} as const;
