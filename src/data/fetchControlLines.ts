import type { Manifest } from '../domain/plan/manifest';
import type { ControlLineShape } from '../domain/control/controlLineShape';
import { httpFailure } from './httpFailure';
import { parseControlLine } from './parseControlLine';

/**
 * Browser side: every control line layers.json lists, from `<baseUrl><id>.geojson`, in its order.
 * A line that cannot be read is left out (and logged): the map and the plan work without it.
 */
export async function fetchControlLines(manifest: Manifest, baseUrl: string, signal: AbortSignal): Promise<ControlLineShape[]> {
  const shapes = await Promise.all((manifest.controlLines ?? []).map(async (definition) => {
    const file = `${definition.id}.geojson`;
    try {
      const response = await fetch(new URL(file, baseUrl).href, { signal });
      if (!response.ok) throw httpFailure(file, response);
      return [parseControlLine(definition, await response.text(), file)];
    } catch (error) {
      if (signal.aborted) throw error;
      console.warn(`control line ${definition.id}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }));
  return shapes.flat();
}
