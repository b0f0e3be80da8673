/**
 * geodata/tour.json: the scenes of a briefing, prepared by staff and played in presentation mode.
 * This contract is the one definition of the file: the types below, the checks of parseTour and
 * check-data, and geodata/schema/tour.schema.json (written by scripts/write-schemas.ts) all come
 * from it. What it refers to in the district's data (layers, statuses, projects) is checked by
 * tourProblems.ts.
 */
import { array, described, named, nullable, number, object, oneOf, optional, record, string, values } from '../contract/contractBuilders';
import type { Infer } from '../contract/Contract';
import { isoDateContract, lonLatBoundsContract, lonLatContract, zoomContract } from '../contract/placeContracts';
import { localizedTextContract } from '../plan/localizedText';

const featureRef = object({
  layer: string({ description: '图层 id Layer id' }),
  id: string({ description: '项目 id Feature id' }),
}, { description: '场景指向的项目 A project the scene points at' });

const camera = oneOf([
  object({ center: lonLatContract, zoom: zoomContract }),
  object({ bounds: lonLatBoundsContract }),
], { description: '镜头：中心与缩放级别，或范围；省略则对准高亮项目或全区 / centre and zoom, or a box; absent fits the highlighted features or the district' });

const seconds = number({ exclusiveMinimum: 0, description: '自动播放时的秒数 / seconds when playing on a timer' });

const scene = named('scene', object({
  id: string({ pattern: '^[a-z0-9][a-z0-9-]*$', description: '场景 id，在本导览中唯一 / scene id, unique within the tour' }),
  title: localizedTextContract,
  caption: localizedTextContract,
  camera: optional(camera),
  layers: optional(array(string(), { description: '显示的图层；省略为全部 / visible layers; absent shows all' })),
  filters: optional(record(array(string()), { description: '按图层筛选状态 / statuses shown per layer' })),
  streets: optional(array(string(), { description: '只显示这些街道 / only these sub-districts' })),
  asOfDate: optional(described(nullable(isoDateContract), '显示哪一天；省略或 null 为今天 / the day shown; absent or null is today')),
  highlight: optional(array(featureRef, { description: '高亮的项目 / projects outlined like a selection' })),
  focusLayer: optional(string({ description: '排名和指标卡以此图层为先 / the layer whose KPI tile and sub-district ranking lead' })),
  durationSeconds: optional(seconds),
  warnings: optional(values(['list', 'late-only'], {
    description: '监测预警：list 显示逾期与 30 天内到期的项目列表，late-only 另外只显示这些项目；省略则场景中不显示 / late projects: list shows the overdue and due-soon projects, late-only also shows only them on the map and in the figures; absent shows neither',
  })),
}, { description: '一个场景 / one step of the briefing' }));

export const TOUR_CONTRACT = object({
  $schema: optional(string()),
  title: localizedTextContract,
  durationSeconds: described(seconds, '自动播放时每个场景的默认秒数 / default seconds per scene when playing on a timer'),
  scenes: array(scene, { minItems: 1 }),
}, { description: '演示模式的场景列表，按顺序播放。/ The scenes of a briefing, played in order in presentation mode.' });

export type Tour = Infer<typeof TOUR_CONTRACT>;
export type TourScene = Infer<typeof scene>;
export type TourCamera = Infer<typeof camera>;
export type TourFeatureRef = Infer<typeof featureRef>;
