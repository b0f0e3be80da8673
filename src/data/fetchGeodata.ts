import type { Manifest } from '../domain/manifest';
import { measureLayer, type MeasuredLayer } from '../domain/measuredLayer';
import { GeodataError, parseLayer, parseManifest } from './parseGeodata';
import { parseTour } from './parseTour';
import type { Tour } from '../domain/tour';

export interface LoadedGeodata {
  manifest: Manifest;
  /** The guided tour, when geodata/tour.json exists and parses; otherwise why not. */
  tour: { tour: Tour } | { tour: null; problem: string | null };
  /** In manifest order, each feature measured once. */
  layers: MeasuredLayer[];
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new GeodataError(url, '', `HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/** Browser side: loads `<baseUrl>layers.json` and every layer it lists, in parallel. */
export async function fetchGeodata(baseUrl: string, signal: AbortSignal): Promise<LoadedGeodata> {
  const manifest = parseManifest(await fetchText(new URL('layers.json', baseUrl).href, signal), 'layers.json');
  const layers = await Promise.all(manifest.layers.map(async (definition) => {
    const file = `${definition.id}.geojson`;
    const collection = parseLayer(await fetchText(new URL(file, baseUrl).href, signal), file);
    return measureLayer(definition, collection);
  }));
  return { manifest, layers, tour: await fetchTour(baseUrl, signal) };
}

/** The tour is optional: a missing file means no tour, a broken one is reported but never blocks the map. */
async function fetchTour(baseUrl: string, signal: AbortSignal): Promise<LoadedGeodata['tour']> {
  const response = await fetch(new URL('tour.json', baseUrl).href, { signal });
  if (response.status === 404) return { tour: null, problem: null };
  try {
    if (!response.ok) throw new GeodataError('tour.json', '', `HTTP ${response.status}`);
    return { tour: parseTour(await response.text()) };
  } catch (error) {
    return { tour: null, problem: error instanceof Error ? error.message : String(error) };
  }
}
