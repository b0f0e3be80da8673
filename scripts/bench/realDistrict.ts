import { openSession } from './pageSession';
import { measureLoad } from './measureLoad';
import { builtBundleSize, type BundleSize } from './bundleSize';
import { log } from './log';

export interface RealDistrictResult {
  repetitions: number;
  /** The app on the bundled sample district: navigation → first full render of all six layers. */
  appFirstFullRenderMs: number[];
  /** An empty MapLibre map (the same basemap, no plan layers) on the same server kind. */
  emptyMapFirstFullRenderMs: number[];
  bundle: BundleSize;
}

async function firstFullRender(url: string, layerIds: readonly string[], timeoutMs: number): Promise<number> {
  const session = await openSession();
  try {
    return (await measureLoad(session, url, layerIds, timeoutMs)).firstFullRenderMs;
  } finally {
    await session.close();
  }
}

/** The sample-district row: the bundled district against an empty map, interleaved, and the bundle size. */
export async function runRealDistrict(appUrl: string, emptyMapUrl: string, layerIds: readonly string[], repetitions: number, timeoutMs: number): Promise<RealDistrictResult> {
  const app: number[] = [];
  const empty: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    log(`  sample district, repetition ${repetition + 1}/${repetitions}`);
    app.push(await firstFullRender(appUrl, layerIds, timeoutMs));
    empty.push(await firstFullRender(emptyMapUrl, layerIds, timeoutMs));
  }
  return { repetitions, appFirstFullRenderMs: app, emptyMapFirstFullRenderMs: empty, bundle: builtBundleSize() };
}
