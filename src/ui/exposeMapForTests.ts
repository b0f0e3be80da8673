/*
 * Browser tests and the benchmark drive and read the MapLibre map itself. The app puts it on
 * `window.planMap` only in a page where this flag was set to true before the app's scripts ran
 * (Playwright's `addInitScript`, done once in `launchChromium`; README, Development). Nothing in
 * the app sets the flag, so an ordinary page exposes nothing.
 */

export const MAP_FOR_TESTS_FLAG = '__PLAN_MAP_TEST__';

export function exposeMapForTests(map: object): void {
  if (Reflect.get(window, MAP_FOR_TESTS_FLAG) === true) Reflect.set(window, 'planMap', map);
}
