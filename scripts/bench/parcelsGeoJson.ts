const STREETS = ['金湖街道', '凤鸣街道', '湖滨街道', '青山街道', '白鹭街道'];

/** Parcels on a grid over the district, as generateParcels.ts lays them out in the database. */
export function parcelsGeoJson(count: number, bounds: [number, number, number, number], statuses: string[]): Uint8Array {
  const [west, south, east, north] = bounds;
  const cols = Math.ceil(Math.sqrt((count * (east - west)) / (north - south)));
  const rows = Math.ceil(count / cols);
  const dx = (east - west) / cols;
  const dy = (north - south) / rows;
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  for (let i = 0; i < count; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    const x0 = west + c * dx;
    const y0 = south + r * dy;
    const ring = [[x0 + dx * 0.08, y0 + dy * 0.08], [x0 + dx * 0.92, y0 + dy * 0.1], [x0 + dx * 0.9, y0 + dy * 0.92], [x0 + dx * 0.1, y0 + dy * 0.9], [x0 + dx * 0.08, y0 + dy * 0.08]];
    const level = (i * 2654435761) % statuses.length;
    const history = statuses.slice(0, level + 1).map((status, step) => ({ date: new Date(Date.UTC(2024, 0, 1 + step * 120 + (i % 90))).toISOString().slice(0, 10), status }));
    const feature = {
      type: 'Feature',
      id: `P-${i}`,
      properties: { name: `地块 ${i}`, status: statuses[level], street: STREETS[Math.floor((c * STREETS.length) / cols)], category: i % 2 === 0 ? 'idle' : 'inefficient', history },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    parts.push(`${i > 0 ? ',' : ''}${JSON.stringify(feature)}`);
  }
  parts.push(']}');
  return new TextEncoder().encode(parts.join(''));
}
