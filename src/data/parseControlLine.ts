import type { Feature, Geometry } from 'geojson';
import type { ControlLineDefinition } from '../domain/control/controlLineContract';
import { controlLineFileIssues } from '../domain/control/controlLineFileIssues';
import { controlLineShape, type ControlLineShape } from '../domain/control/controlLineShape';
import { GeodataError, parseJson } from './fieldReader';

/** Parses the text of a control-line file into its shape; a file that breaks its rules throws a GeodataError naming the first problem. */
export function parseControlLine(definition: ControlLineDefinition, text: string, file = `${definition.id}.geojson`): ControlLineShape {
  const json = parseJson(text, file);
  const [first] = controlLineFileIssues(file, json);
  if (first) throw new GeodataError(file, first.path, `${first.message.zh} / ${first.message.en}`);
  // Checked above: a FeatureCollection of named Polygon/MultiPolygon features.
  return controlLineShape(definition, (json as { features: Feature<Geometry>[] }).features);
}
