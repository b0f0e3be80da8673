import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The point layer tests add to a copy of the sample district: public facilities, one per point. */
export const POINT_LAYER_ID = 'facilities';

export const POINT_STATUSES = [
  { id: 'planned', label: { zh: '规划中', en: 'Planned' }, color: '#E69F00' },
  { id: 'building', label: { zh: '建设中', en: 'Building' }, color: '#D55E00' },
  { id: 'opened', label: { zh: '已建成', en: 'Opened' }, color: '#009E73' },
] as const;

const STREETS = ['云溪街道', '凤鸣街道', '太和街道', '海埂街道', '福海街道', '金湖街道'];

/** Where the first facility stands: tests click it. A clear spot of the sample district near its centre. */
export const FIRST_FACILITY_LON_LAT: [number, number] = [102.6959, 24.997];

/**
 * Adds a `facilities` point layer to a geodata copy (an entry in layers.json and its file, nothing else): `count` points on a grid around the district
 * centre (0.004° apart, about 400 m, rows running east from FIRST_FACILITY_LON_LAT, the first), statuses in turn.
 * The last feature is a MultiPoint of two points (one project, two sites).
 */
export function addPointLayer(geodataDirectory: string, count = 40): void {
  const manifestPath = join(geodataDirectory, 'layers.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { layers: unknown[] };
  manifest.layers.push({
    id: POINT_LAYER_ID,
    name: { zh: '公共服务设施', en: 'Public facilities' },
    geometry: 'point',
    color: '#CC79A7',
    statuses: POINT_STATUSES,
    doneStatuses: ['opened'],
    targets: [{ id: 'facilities-opened', label: { zh: '建成设施', en: 'Facilities opened' }, metric: 'count', target: 30, deadline: '2028-12-31', countedStatuses: ['opened'] }],
    attributes: [{ property: 'street', label: { zh: '街道', en: 'Sub-district' } }],
  });
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const side = Math.ceil(Math.sqrt(count));
  const features = Array.from({ length: count }, (_, index) => {
    const status = POINT_STATUSES[index % POINT_STATUSES.length] ?? POINT_STATUSES[0];
    const lon = FIRST_FACILITY_LON_LAT[0] + 0.004 * (index % side);
    const lat = FIRST_FACILITY_LON_LAT[1] + 0.004 * Math.floor(index / side);
    const position: [number, number] = [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
    const history = POINT_STATUSES.slice(0, POINT_STATUSES.indexOf(status) + 1).map((step, stepIndex) => ({ date: `2024-0${stepIndex + 2}-01`, status: step.id }));
    const last = index === count - 1;
    return {
      type: 'Feature',
      id: `FAC-${String(index + 1).padStart(3, '0')}`,
      properties: { name: `设施${index + 1}号`, status: status.id, street: STREETS[index % STREETS.length], history },
      geometry: last
        ? { type: 'MultiPoint', coordinates: [position, [Number((position[0] + 0.001).toFixed(6)), position[1]]] }
        : { type: 'Point', coordinates: position },
    };
  });
  writeFileSync(join(geodataDirectory, `${POINT_LAYER_ID}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
}
