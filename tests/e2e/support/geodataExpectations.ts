import { resolve } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { PlanFeature } from '../../../src/domain/plan/planFeature';
import { LIGHT_PAPER } from '../../../src/map/basemapStyle';
import { PLAN_FILL_ALPHA } from '../../../src/map/planFillAlpha';
import { readGeodataDirectory } from '../../../src/data/readGeodataDirectory';
import { measureLayer, type MeasuredLayer } from '../../../src/domain/measure/measuredLayer';
import type { Manifest } from '../../../src/domain/plan/manifest';
import { projectDirectory } from './startPlanMapServer';

export interface SampleDistrict {
  manifest: Manifest;
  layers: MeasuredLayer[];
}

/** The bundled geodata read and measured by the same domain code the app runs, for expected values. */
export async function readSampleDistrict(directory = resolve(projectDirectory, 'geodata')): Promise<SampleDistrict> {
  const { manifest, layers } = await readGeodataDirectory(directory);
  return { manifest, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
}

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const FILL_OPACITY = PLAN_FILL_ALPHA / 255;

/** The colours a layer's features show on screen: status fills blended over land, and opaque lines and point discs. */
export function screenColorsOf(layer: MeasuredLayer, paperHex = LIGHT_PAPER): Rgb[] {
  const paper = rgbOf(paperHex);
  return layer.definition.statuses.map((status): Rgb => {
    const color = rgbOf(status.color);
    if (layer.definition.geometry === 'line' || layer.definition.geometry === 'point') return color;
    return color.map((channel, index) => Math.round(channel * FILL_OPACITY + (paper[index] ?? 0) * (1 - FILL_OPACITY))) as Rgb;
  });
}

/** A point inside the feature (not merely its centroid), where a click must land on it. */
export function interiorPointOf(feature: PlanFeature): [number, number] {
  if (!feature.geometry) throw new Error(`feature ${feature.id} has no geometry`);
  const [longitude, latitude] = pointOnFeature(feature.geometry).geometry.coordinates;
  if (longitude === undefined || latitude === undefined) throw new Error(`no interior point for ${feature.id}`);
  return [longitude, latitude];
}
