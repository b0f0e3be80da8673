import { named, number, string, tuple } from './contractBuilders';

/*
 * Dates and places as every geodata contract writes them (layers.json, tour.json): one
 * definition each, so the manifest and the tour cannot drift apart.
 */

export const isoDateContract = named('isoDate', string({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  description: '日期，格式 YYYY-MM-DD。ISO 8601 calendar date, YYYY-MM-DD.',
}));

const longitude = named('longitude', number({ minimum: -180, maximum: 180, description: '经度（度）Longitude in degrees' }));
const latitude = named('latitude', number({ minimum: -90, maximum: 90, description: '纬度（度）Latitude in degrees' }));

export const lonLatContract = named('lonLat', tuple([longitude, latitude], { description: '[经度, 纬度]（度）[longitude, latitude] in degrees' }));

export const lonLatBoundsContract = named('lonLatBounds', tuple([longitude, latitude, longitude, latitude], {
  description: '范围 [西, 南, 东, 北]（度）。Extent [west, south, east, north] in degrees.',
}));

export const zoomContract = number({ minimum: 0, maximum: 22, description: '地图缩放级别。Map zoom level.' });
