import { schemaDocument, schemaFileText } from '../contract/schemaDocument';
import { layerSchema, layerSchemaFileName } from './layerSchema';
import { MANIFEST_CONTRACT, type Manifest } from './manifest';
import { TOUR_CONTRACT } from '../tour/tour';
import { DATUM_SHIFTS_CONTRACT } from '../datum/datumShiftProfile';

/**
 * File name -> exact text of every schema file in geodata/schema/ that the code writes: the
 * contracts of layers.json, tour.json and datum-shifts.json, and each layer's narrowing for `manifest`.
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
    ['datum-shifts.schema.json', schemaFileText(schemaDocument(DATUM_SHIFTS_CONTRACT, {
      id: 'datum-shifts.schema.json',
      title: '坐标转换参数 / Datum-shift profiles (geodata/datum-shifts.json)',
      source: 'src/domain/datum/datumShiftProfile.ts',
    }))],
  ]);
  for (const layer of manifest.layers) files.set(layerSchemaFileName(layer.id), schemaFileText(layerSchema(layer)));
  return files;
}
