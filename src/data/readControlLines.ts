import { join } from 'node:path';
import type { Manifest } from '../domain/plan/manifest';
import type { ControlLineShape } from '../domain/control/controlLineShape';
import { parseControlLine } from './parseControlLine';
import { readTextFile } from './readGeodataDirectory';

/** Node only: every control line layers.json lists, read from `<directory>/<id>.geojson`, in its order. */
export async function readControlLines(directory: string, manifest: Manifest): Promise<ControlLineShape[]> {
  return Promise.all((manifest.controlLines ?? []).map(async (definition) => {
    const path = join(directory, `${definition.id}.geojson`);
    return parseControlLine(definition, await readTextFile(path), path);
  }));
}
