import type { Manifest } from '../domain/manifest';
import { measureLayer, type MeasuredLayer } from '../domain/measuredLayer';
import { GeodataError, parseLayer, parseManifest } from './parseGeodata';

export interface LoadedGeodata {
  manifest: Manifest;
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
  return { manifest, layers };
}
