import type { Tour, TourCamera, TourScene } from '../domain/tour';
import { FieldReader, parseJson, type JsonObject } from './fieldReader';

function readCamera(read: FieldReader, value: unknown, path: string): TourCamera | undefined {
  if (value === undefined) return undefined;
  const camera = read.object(value, path);
  if (camera.bounds !== undefined) {
    const bounds = read.array(camera.bounds, `${path}.bounds`).map((item, index) => read.number(item, `${path}.bounds[${index}]`));
    if (bounds.length !== 4) read.fail(`${path}.bounds`, 'expected [west, south, east, north]');
    const [west = 0, south = 0, east = 0, north = 0] = bounds;
    return { bounds: [west, south, east, north] };
  }
  const center = read.array(camera.center, `${path}.center`).map((item, index) => read.number(item, `${path}.center[${index}]`));
  if (center.length !== 2) read.fail(`${path}.center`, 'expected [longitude, latitude]');
  return { center: [center[0] ?? 0, center[1] ?? 0], zoom: read.number(camera.zoom, `${path}.zoom`) };
}

function optional<T>(object: JsonObject, key: string, readValue: (value: unknown) => T): T | undefined {
  return object[key] === undefined ? undefined : readValue(object[key]);
}

function readScene(read: FieldReader, value: unknown, path: string): TourScene {
  const scene = read.object(value, path);
  const filters = optional(scene, 'filters', (item) => {
    const object = read.object(item, `${path}.filters`);
    return Object.fromEntries(Object.entries(object).map(([layerId, statuses]) => [layerId, read.strings(statuses, `${path}.filters.${layerId}`)]));
  });
  return {
    id: read.string(scene.id, `${path}.id`),
    title: read.text(scene.title, `${path}.title`),
    caption: read.text(scene.caption, `${path}.caption`),
    camera: readCamera(read, scene.camera, `${path}.camera`),
    layers: optional(scene, 'layers', (item) => read.strings(item, `${path}.layers`)),
    filters,
    streets: optional(scene, 'streets', (item) => read.strings(item, `${path}.streets`)),
    asOfDate: scene.asOfDate === null ? null : optional(scene, 'asOfDate', (item) => read.date(item, `${path}.asOfDate`)),
    highlight: optional(scene, 'highlight', (item) => read.array(item, `${path}.highlight`).map((ref, index) => {
      const object = read.object(ref, `${path}.highlight[${index}]`);
      return { layer: read.string(object.layer, `${path}.highlight[${index}].layer`), id: read.string(object.id, `${path}.highlight[${index}].id`) };
    })),
    focusLayer: optional(scene, 'focusLayer', (item) => read.string(item, `${path}.focusLayer`)),
    durationSeconds: optional(scene, 'durationSeconds', (item) => read.number(item, `${path}.durationSeconds`)),
  };
}

/** Parses geodata/tour.json, naming the file and field of the first problem. */
export function parseTour(text: string, file = 'tour.json'): Tour {
  const read = new FieldReader(file);
  const root = read.object(parseJson(text, file), '');
  const scenes = read.array(root.scenes, 'scenes').map((scene, index) => readScene(read, scene, `scenes[${index}]`));
  if (scenes.length === 0) read.fail('scenes', 'a tour needs at least one scene');
  return { title: read.text(root.title, 'title'), durationSeconds: read.number(root.durationSeconds, 'durationSeconds'), scenes };
}
