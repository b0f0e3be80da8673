/** Chinese names for the plan's public projects: major projects, schools, quarries, model villages. */

/** Major projects and the sector each belongs to; the sector decides the responsible unit. */
export const MAJOR_PROJECTS = [
  { name: '湖滨科创城', sector: 'industry' },
  { name: '金湖新能源电池产业园', sector: 'industry' },
  { name: '云溪生物医药产业园', sector: 'industry' },
  { name: '湖滨数字经济产业园', sector: 'industry' },
  { name: '太和智慧物流港', sector: 'logistics' },
  { name: '湖滨冷链物流中心', sector: 'logistics' },
  { name: '滨湖总部经济区', sector: 'services' },
  { name: '滇池国际会展中心二期', sector: 'services' },
  { name: '凤鸣文旅康养小镇', sector: 'services' },
  { name: '福海片区城市更新', sector: 'renewal' },
  { name: '海埂片区城市更新', sector: 'renewal' },
  { name: '湖滨综合交通枢纽', sector: 'infrastructure' },
  { name: '明湖水质净化厂扩建', sector: 'infrastructure' },
  { name: '湖滨区体育中心', sector: 'infrastructure' },
  { name: '金湖绿色建材产业园', sector: 'industry' },
  { name: '湖滨区人才公寓', sector: 'renewal' },
] as const;

export type MajorProjectSector = (typeof MAJOR_PROJECTS)[number]['sector'];

/** Who answers for a major project, by sector. */
export const MAJOR_PROJECT_UNITS: Record<MajorProjectSector, string> = {
  industry: '区工信局',
  logistics: '区商务局',
  services: '区发改局',
  renewal: '区住建局',
  infrastructure: '区交通运输局',
};

/** Name stems for new schools: places, virtues and streets, as district schools are named. */
export const SCHOOL_STEMS = [
  '湖滨实验', '金湖', '云溪', '福海', '太和', '凤鸣', '海埂', '明湖', '春苑', '翠湖', '北辰', '白塔', '宝象', '青龙', '玉带',
  '清水河', '育英', '启明', '博雅', '致远',
] as const;

export const MODEL_VILLAGE_NAMES = [
  '海口村', '观音山村', '白鱼口村', '西华村', '大墨雨村', '石龙坝村', '果林村', '团山村', '永丰村', '河泊村', '龙潭村', '麦冲村',
] as const;

/** What each model village builds its revival on. */
export const VILLAGE_THEMES = ['flowers', 'tourism', 'farming', 'culture'] as const;

export const QUARRY_KINDS = ['stone', 'sand', 'clay'] as const;
export const QUARRY_KIND_NAMES: Record<(typeof QUARRY_KINDS)[number], string> = { stone: '采石场', sand: '采砂场', clay: '取土场' };
