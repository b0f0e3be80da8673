import type { Locale } from '../../domain/plan/manifest';

/** The words of 监测预警 (late projects, targets behind pace) and of sum/share targets, part of the one dictionary in src/ui/messages.ts. */
export const warningMessages = {
  warningsTitle: { zh: '监测预警', en: 'Late projects' },
  warningsClose: { zh: '关闭预警列表', en: 'Close the warnings' },
  warningsNone: { zh: '截至 {date}，没有逾期或 30 天内到期的项目', en: 'As of {date}, no project is overdue or due within 30 days' },
  warningsTiledLayers: {
    zh: '{layers}以矢量切片显示，其项目的计划日期不在页面上，未检查逾期（目标进度仍照常统计）',
    en: '{layers}: drawn from vector tiles, so their projects\' planned dates are not on the page and are not checked for delays (target progress is counted as usual)',
  },
  warningsSummary: { zh: '逾期 {overdue} 个 · 30 天内到期 {soon} 个', en: '{overdue} overdue · {soon} due within 30 days' },
  warningsLateOnly: { zh: '只看预警项目', en: 'Only late projects' },
  warningsNoStreet: { zh: '未填街道', en: 'No sub-district' },
  warningDaysLate: { zh: '逾期 {days} 天', en: '{days} {days|day|days} late' },
  warningDaysLeft: { zh: '{days} 天后到期', en: 'Due in {days} {days|day|days}' },
  warningDueToday: { zh: '今日到期', en: 'Due today' },
  warningPlanned: { zh: '计划{status}', en: 'Planned: {status}' },
  warningDue: { zh: '计划日期', en: 'Due' },
  warningPlanDates: { zh: '计划日期', en: 'Planned dates' },
  warningUnit: { zh: '责任单位', en: 'Unit in charge' },
  warningMore: { zh: '另有 {count} 项', en: '{count} more' },
  // A target below the steady pace on the day shown (滞后), beside its verdict wherever targets show.
  behindPaceFlag: { zh: '滞后', en: 'Behind pace' },
  // A share target is itself a percentage: "已达 62.5% / 目标 90%", and its part under a filter is that scope's own share.
  shareReached: { zh: '已达', en: 'Reached' },
  shareWithin: { zh: '{scope}内：', en: 'Within {scope}: ' },
  exportTargetsTitle: { zh: '规划目标进度（CSV）', en: 'Plan target progress (CSV)' },
  exportTargetsHint: { zh: '全区每项规划目标截至 {date} 的进度，含是否滞后', en: 'Every plan target of the whole district as of {date}, with whether it is behind pace' },
  exportTargetsDownload: { zh: '导出目标进度', en: 'Download target progress' },
  exportTargetsDone: { zh: '已导出 {file}', en: 'Saved {file}' },
  streetRankingShare: { zh: '各街道自身占比', en: 'Each sub-district’s own share' },
} as const satisfies Record<string, Record<Locale, string>>;
