import type { LocalizedText } from '../plan/manifest';

/**
 * Titles of the CSV columns that are not a layer attribute (the app's and the CLI's labelled CSV),
 * and of the shared plan fields when a layer's manifest gives them no label.
 */
export const CSV_COLUMN_TITLES = {
  id: { zh: '编号', en: 'ID' },
  name: { zh: '名称', en: 'Name' },
  street: { zh: '街道', en: 'Sub-district' },
  area_m2: { zh: '面积（平方米）', en: 'Area (m²)' },
  area_mu: { zh: '面积（亩）', en: 'Area (mu)' },
  area_ha: { zh: '面积（公顷）', en: 'Area (ha)' },
  length_m: { zh: '长度（米）', en: 'Length (m)' },
  longitude: { zh: '经度', en: 'Longitude' },
  latitude: { zh: '纬度', en: 'Latitude' },
  status: { zh: '状态', en: 'Status' },
  status_date: { zh: '状态日期', en: 'Status since' },
  history: { zh: '状态历程', en: 'Status history' },
} satisfies Record<string, LocalizedText>;

/** The title of the column holding each project's status on a past day (YYYY-MM-DD). */
export function statusOnDayTitle(isoDate: string): LocalizedText {
  return { zh: `${isoDate} 的状态`, en: `Status on ${isoDate}` };
}
