import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LineString, Polygon } from 'geojson';
import { booleanPointInPolygon, point, polygon } from '@turf/turf';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, openPlanMap, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { interiorPointOf, screenColorsOf } from './support/geodataExpectations';
import { colorFromHex, darken } from '../../src/map/colorFromHex';
import { LIGHT_PAPER } from '../../src/map/basemapStyle';
import { geometryColumns } from '../../src/domain/columns/geometryColumns';
import type { MeasuredLayer } from '../../src/domain/measure/measuredLayer';
import type { PlanFeature } from '../../src/domain/plan/planFeature';

const session = sampleDistrictSession();

/** Ground metres per CSS pixel in MapLibre's 512-pixel tiles. */
function metersPerPixel(zoom: number, latitude: number): number {
  return (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** Pixels of `color` (±8 per channel) on the screen line through `center` across `direction`, within ±`reach` px. */
function widthAcross(page: Page, center: { x: number; y: number }, direction: { x: number; y: number }, color: [number, number, number], reach: number): Promise<number> {
  return page.evaluate(({ center: point, direction: along, color: target, reach: limit }) => {
    const map = (window as unknown as { planMap: { getCanvas(): HTMLCanvasElement } }).planMap;
    const source = map.getCanvas();
    const rect = source.getBoundingClientRect();
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return 0;
    context.drawImage(source, 0, 0);
    const scale = source.width / rect.width;
    const length = Math.hypot(along.x, along.y);
    const across = { x: -along.y / length, y: along.x / length };
    let matching = 0;
    for (let step = -limit; step <= limit; step++) {
      const x = Math.round((point.x - rect.left + across.x * step) * scale);
      const y = Math.round((point.y - rect.top + across.y * step) * scale);
      const [red = 0, green = 0, blue = 0] = context.getImageData(x, y, 1, 1).data;
      if (Math.abs(red - target[0]) <= 8 && Math.abs(green - target[1]) <= 8 && Math.abs(blue - target[2]) <= 8) matching++;
    }
    return matching;
  }, { center, direction, color, reach });
}

describe('lines on the map', () => {
  it('are drawn at their width in metres when zoomed in and at least 3 px wide from afar, pick to their details and hide with their status', async () => {
    const roads = session.district.layers.find((layer) => layer.definition.geometry === 'line');
    if (!roads) throw new Error('the sample district has no road layer');
    const statusIndex = roads.definition.statuses.findIndex((status) => roads.features.some((feature) => feature.properties.status === status.id && typeof feature.properties.widthMeters === 'number'));
    const status = roads.definition.statuses[statusIndex];
    const color = screenColorsOf(roads)[statusIndex];
    const road = roads.features.find((feature) => feature.properties.status === status?.id && typeof feature.properties.widthMeters === 'number');
    if (!status || !color || !road || road.geometry?.type !== 'LineString') throw new Error('no road with a width and a status in the sample');
    const coordinates = (road.geometry as LineString).coordinates;
    const middle = Math.floor(coordinates.length / 2);
    const [longitude = 0, latitude = 0] = coordinates[middle] ?? [];
    const [nextLongitude = 0, nextLatitude = 0] = coordinates[middle + 1] ?? [];
    const widthMeters = Number(road.properties.widthMeters);

    // Parcels may overlap a road's corridor: only the road layer is shown.
    const hide = session.district.manifest.layers.filter((layer) => layer.id !== roads.definition.id).map((layer) => layer.id).join(',');
    const zoom = 18;
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?map=${zoom}/${latitude}/${longitude}&hide=${hide}`);
    const center = await screenPointOf(page, [longitude, latitude]);
    const next = await screenPointOf(page, [nextLongitude, nextLatitude]);
    const direction = { x: next.x - center.x, y: next.y - center.y };
    const expectedPixels = widthMeters / metersPerPixel(zoom, latitude);
    const drawnPixels = await widthAcross(page, center, direction, color, Math.ceil(expectedPixels));
    expect(drawnPixels).toBeGreaterThanOrEqual(Math.floor(expectedPixels) - 2);
    expect(drawnPixels).toBeLessThanOrEqual(Math.ceil(expectedPixels) + 2);

    await page.mouse.click(center.x, center.y);
    const details = page.locator('.feature-details');
    await details.waitFor({ timeout: 10_000 });
    expect(await details.getAttribute('data-feature-id')).toBe(road.id);
    await page.keyboard.press('Escape');

    await page.locator(`.layer-card[data-layer-id="${roads.definition.id}"] button.legend-row[data-status-id]:not([data-status-id="${status.id}"])`).first().click();
    await waitForMapIdle(page);
    expect(await widthAcross(page, center, direction, color, Math.ceil(expectedPixels))).toBe(0);

    const farZoom = 11;
    await page.goto(`${session.server.baseUrl}?map=${farZoom}/${latitude}/${longitude}&hide=${hide}`);
    await waitForMapIdle(page);
    expect(widthMeters / metersPerPixel(farZoom, latitude)).toBeLessThan(1);
    // A 3 px line through a 9 × 9 px window covers at least 27 of its pixels, a 1 px line at most 13.
    // Windows along the road, as a label may cover some of it.
    const windowCounts: number[] = [];
    for (let vertex = 0; vertex < coordinates.length; vertex += 8) {
      const [vertexLongitude = 0, vertexLatitude = 0] = coordinates[vertex] ?? [];
      const point = await screenPointOf(page, [vertexLongitude, vertexLatitude]);
      windowCounts.push(await countPixelsNear(page, [color], 14, undefined, { x: point.x - 4, y: point.y - 4, width: 9, height: 9 }));
    }
    expect(Math.max(...windowCounts)).toBeGreaterThanOrEqual(24);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('outlines parcels from zoom 13.5 in a darker shade of their status, and filters the outlines with the fills', async () => {
    const green = session.district.layers.find((layer) => layer.definition.id === 'green-space');
    if (!green) throw new Error('the sample district has no green space');
    const feature = green.features.find((candidate) => candidate.geometry?.type === 'Polygon');
    const status = green.definition.statuses.find((candidate) => candidate.id === feature?.properties.status);
    if (!feature || !status) throw new Error('no polygon with a status');
    const [red, greenChannel, blue] = colorFromHex(status.color, 255);
    const [outlineRed, outlineGreen, outlineBlue] = darken([red, greenChannel, blue, 230], 0.72);
    // The outline is drawn at alpha 230 over the paper (outside) or the fill (inside): take the darker case, over paper.
    const paper = colorFromHex(LIGHT_PAPER, 255);
    const blend = (channel: number, index: number) => Math.round(channel * (230 / 255) + (paper[index] ?? 0) * (25 / 255));
    const outlineColor: [number, number, number] = [blend(outlineRed, 0), blend(outlineGreen, 1), blend(outlineBlue, 2)];
    const hide = session.district.manifest.layers.filter((layer) => layer.id !== 'green-space').map((layer) => layer.id).join(',');
    const [longitude, latitude] = interiorPointOf(feature);
    const around = (point: { x: number; y: number }) => ({ x: point.x - 150, y: point.y - 150, width: 300, height: 300 });

    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?map=16/${latitude}/${longitude}&hide=${hide}`);
    const near = await screenPointOf(page, [longitude, latitude]);
    const outlined = await countPixelsNear(page, [outlineColor], 20, undefined, around(near));
    expect(outlined).toBeGreaterThan(100);

    await page.locator(`.layer-card[data-layer-id="green-space"] button.legend-row[data-status-id]:not([data-status-id="${status.id}"])`).first().click();
    await waitForMapIdle(page);
    expect(await countPixelsNear(page, [outlineColor], 20, undefined, around(near))).toBeLessThan(outlined / 20);

    await page.goto(`${session.server.baseUrl}?map=13/${latitude}/${longitude}&hide=${hide}`);
    await waitForMapIdle(page);
    const far = await screenPointOf(page, [longitude, latitude]);
    expect(await countPixelsNear(page, [outlineColor], 20, undefined, around(far))).toBeLessThan(outlined / 20);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

interface DroppedCorner {
  layer: MeasuredLayer;
  feature: PlanFeature;
  /** A point inside the parcel but outside its overview outline, about 60 % of the corner's offset out. */
  probe: [number, number];
  offsetMeters: number;
}

/** The outer ring of a one-ring polygon's overview (the simplified outline drawn far out), as lon/lat. */
function overviewRingOf(geometry: Polygon): number[][] {
  const columns = geometryColumns([{ type: 'Feature', id: 'probe', geometry, properties: { name: '', status: '', history: [] } }], 'polygon');
  const overview = columns.overview;
  if (!overview) return [];
  return Array.from({ length: overview.ringStart[1] ?? 0 }, (_, vertex) => [(overview.positions[2 * vertex] ?? 0) + columns.origin[0], (overview.positions[2 * vertex + 1] ?? 0) + columns.origin[1]]);
}

/** The corner the overview cuts off deepest in the sample's parcels, with a point between it and the overview's edge. */
function deepestDroppedCorner(layers: readonly MeasuredLayer[]): DroppedCorner | null {
  let deepest: DroppedCorner | null = null;
  for (const layer of layers.filter((candidate) => candidate.definition.geometry === 'polygon')) {
    for (const feature of layer.features) {
      if (feature.geometry?.type !== 'Polygon' || feature.geometry.coordinates.length !== 1) continue;
      const outline = overviewRingOf(feature.geometry);
      if (outline.length < 4) continue;
      const simplified = polygon([outline]);
      for (const corner of feature.geometry.coordinates[0] ?? []) {
        const [longitude = 0, latitude = 0] = corner;
        if (booleanPointInPolygon(point([longitude, latitude]), simplified)) continue;
        // The nearest point of the overview outline, in a local metric plane.
        const metersPerDegree = 111_320;
        const east = Math.cos((latitude * Math.PI) / 180) * metersPerDegree;
        let nearest: [number, number] = [longitude, latitude];
        let nearestMeters = Infinity;
        for (let index = 0; index + 1 < outline.length; index++) {
          const [ax = 0, ay = 0] = outline[index] ?? [];
          const [bx = 0, by = 0] = outline[index + 1] ?? [];
          const dx = (bx - ax) * east;
          const dy = (by - ay) * metersPerDegree;
          const px = (longitude - ax) * east;
          const py = (latitude - ay) * metersPerDegree;
          const length2 = dx * dx + dy * dy;
          const along = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
          const meters = Math.hypot(px - along * dx, py - along * dy);
          if (meters < nearestMeters) {
            nearestMeters = meters;
            nearest = [ax + along * (bx - ax), ay + along * (by - ay)];
          }
        }
        const probe: [number, number] = [nearest[0] + 0.6 * (longitude - nearest[0]), nearest[1] + 0.6 * (latitude - nearest[1])];
        const insideParcel = booleanPointInPolygon(point(probe), polygon(feature.geometry.coordinates));
        const insideOthers = layer.features.some((other) => other !== feature && other.geometry && (other.geometry.type === 'Polygon' || other.geometry.type === 'MultiPolygon') && booleanPointInPolygon(point(probe), other.geometry));
        if (insideParcel && !insideOthers && !booleanPointInPolygon(point(probe), simplified) && nearestMeters > (deepest?.offsetMeters ?? 0)) {
          deepest = { layer, feature, probe, offsetMeters: nearestMeters };
        }
      }
    }
  }
  return deepest;
}

describe('parcels on the map', () => {
  it('keep every corner when zoomed in, where the far-out simplified outline would cut one off', async () => {
    const corner = deepestDroppedCorner(session.district.layers);
    if (!corner) throw new Error('no parcel of the sample has a corner the overview drops');
    expect(corner.offsetMeters).toBeGreaterThan(2);
    const statusIndex = corner.layer.definition.statuses.findIndex((status) => status.id === corner.feature.properties.status);
    const color = screenColorsOf(corner.layer)[statusIndex];
    if (!color) throw new Error(`feature ${corner.feature.id} has a status outside its layer's lifecycle`);
    const hide = session.district.manifest.layers.filter((layer) => layer.id !== corner.layer.definition.id).map((layer) => layer.id).join(',');
    const [longitude, latitude] = corner.probe;
    // 0.6 of a 2 m offset is more than 8 px at zoom 19.
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?map=19/${latitude}/${longitude}&hide=${hide}`);
    const probe = await screenPointOf(page, corner.probe);
    expect(await countPixelsNear(page, [color], 14, undefined, { x: probe.x - 2, y: probe.y - 2, width: 5, height: 5 })).toBeGreaterThanOrEqual(20);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
