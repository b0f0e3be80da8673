import type { SeededRandom } from './random';

/** The part of a manifest layer the generator reads (geodata/layers.json). */
export interface ManifestLayer {
  id: string;
  geometry: 'polygon' | 'line' | 'point';
  statuses: { id: string }[];
  doneStatuses: string[];
}

export interface StatusChange {
  date: string;
  status: string;
}

/**
 * The lifecycles of a layer, one per done status: the manifest lists branches one after another
 * (pending, expropriating, demolishing, demolished, renovating, renovated); a branch is the first
 * status followed by the run after the previous branch's end.
 */
export function lifecyclesOf(layer: ManifestLayer): string[][] {
  const ids = layer.statuses.map((status) => status.id);
  const first = ids[0];
  if (first === undefined) throw new Error(`${layer.id} has no statuses`);
  const ends = layer.doneStatuses.map((done) => ids.indexOf(done)).filter((index) => index > 0).sort((a, b) => a - b);
  if (ends.length === 0) return [ids];
  let start = 1;
  return ends.map((end) => {
    const lifecycle = [first, ...ids.slice(start, end + 1)];
    start = end + 1;
    return lifecycle;
  });
}

/** Sub-district names: few enough for deck.gl's category filter, as in a real district. */
export const STREETS = ['太和街道', '凤鸣街道', '湖滨街道', '西山街道', '金星街道', '龙泉街道', '青云街道', '东华街道', '南坝街道', '北市街道'];

const NAME_PREFIX: Record<string, string> = {
  'urban-villages': '村',
  'old-neighborhoods': '小区',
  roads: '路',
  'green-space': '绿地',
  'idle-land': '地块',
  lakeshore: '湖岸',
  facilities: '设施',
};

function isoDay(dayOffset: number): string {
  return new Date(Date.UTC(2024, 0, 10) + dayOffset * 86400000).toISOString().slice(0, 10);
}

/**
 * Properties every plan feature carries (name, status, history, street) plus the attributes the
 * targets read (plan for urban villages, grade and width for roads). The status is drawn
 * uniformly from a random lifecycle, so every legend row has features to filter.
 */
export function featureProperties(
  random: SeededRandom,
  layer: ManifestLayer,
  lifecycles: readonly string[][],
  index: number,
  street: string,
): Record<string, unknown> {
  const lifecycleIndex = random.int(0, lifecycles.length - 1);
  const lifecycle = lifecycles[lifecycleIndex] ?? [];
  const reached = random.int(1, lifecycle.length);
  let day = random.int(0, 80);
  const history: StatusChange[] = lifecycle.slice(0, reached).map((status) => {
    const change = { date: isoDay(day), status };
    day += random.int(30, 200);
    return change;
  });
  const status = history[history.length - 1]?.status ?? layer.statuses[0]?.id ?? '';
  const properties: Record<string, unknown> = {
    name: `${NAME_PREFIX[layer.id] ?? layer.id}${index + 1}`,
    status,
    street,
    history,
  };
  if (layer.id === 'urban-villages') properties.plan = lifecycleIndex === 0 ? 'demolish' : 'renovate';
  if (layer.geometry === 'line') {
    properties.grade = random.pick(['arterial', 'secondary', 'branch']);
    properties.widthMeters = random.pick([12, 16, 24, 32, 40]);
  }
  return properties;
}
