import { join } from 'node:path';
import { readGeodataDirectory } from '../../../../src/data/readGeodataDirectory';
import { measureLayer, type MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';

const GEODATA_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'geodata');

/** The bundled district's layers, read and measured by the app's own code. */
export async function sampleLayers(): Promise<MeasuredLayer[]> {
  const { layers } = await readGeodataDirectory(GEODATA_DIR);
  return layers.map(({ definition, collection }) => measureLayer(definition, collection));
}

export function layerById(layers: readonly MeasuredLayer[], id: string): MeasuredLayer {
  const layer = layers.find((candidate) => candidate.definition.id === id);
  if (!layer) throw new Error(`the sample geodata has no layer ${id}`);
  return layer;
}
