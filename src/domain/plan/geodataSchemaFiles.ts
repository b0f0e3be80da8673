import { schemaDocument, schemaFileText } from '../contract/schemaDocument';
import { layerSchema } from './layerSchema';
import { MANIFEST_CONTRACT, type Manifest } from './manifest';
import { layerSchemaFileName } from './schemaValidation';
import { TOUR_CONTRACT } from '../tour/tour';

/**
 * File name -> exact text of every schema file in geodata/schema/ that the code writes: the
 * contracts of layers.json and tour.json, and each layer's narrowing for `manifest`.
 * plan-layer.schema.json, what every plan layer file shares, is written by hand.
 */
export function geodataSchemaFiles(manifest: Manifest): Map<string, string> {
  const files = new Map<string, string>([
    ['layers.schema.json', schemaFileText(schemaDocument(MANIFEST_CONTRACT, {
      id: 'layers.schema.json',
      title: '规划图层清单 Plan layer manifest (geodata/layers.json)',
      source: 'src/domain/plan/manifest.ts',
    }))],
    ['tour.schema.json', schemaFileText(schemaDocument(TOUR_CONTRACT, {
      id: 'tour.schema.json',
      title: '演示导览 / Guided tour (geodata/tour.json)',
      source: 'src/domain/tour/tour.ts',
    }))],
  ]);
  for (const layer of manifest.layers) files.set(layerSchemaFileName(layer.id), schemaFileText(layerSchema(layer)));
  return files;
}
