/** The city page and the present city view (src/ui/city). */
export const cityMessages = {
  cityTargetsTitle: { zh: '各区规划目标', en: 'Plan targets by district' },
  cityTotal: { zh: '全市合计', en: 'City total' },
  cityTargetColumn: { zh: '图层 · 目标', en: 'Layer · target' },
  cityOpenMap: { zh: '打开地图', en: 'Open map' },
  cityAsOf: { zh: '截至 {date}', en: 'As of {date}' },
  cityNoSuchTarget: { zh: '该区无此目标', en: 'Not a target of this district' },
  cityDistrictsIn: { zh: '计入 {count}/{all} 个区', en: '{count} of {all} districts' },
  cityRanking: { zh: '各区排名', en: 'Districts ranked' },
  cityRankingBasis: { zh: '按各区完成自身目标的百分比', en: 'by percent of each district’s own target' },
  cityRankingShare: { zh: '按各区自身占比相对目标', en: 'by each district’s own share against its target' },
  cityPresentKeys: { zh: 'PageUp/PageDown 翻组 · ←/→ 选择指标', en: 'PageUp/PageDown: groups · ←/→: choose a target' },
  cityPageLink: { zh: '← 全市各区', en: '← All districts' },
} as const;
