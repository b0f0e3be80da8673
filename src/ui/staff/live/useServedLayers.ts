import { useCallback, useMemo, useState } from 'react';
import type { MeasuredLayer } from '../../../domain/measure/measuredLayer';

export interface ServedLayers {
  /** The loaded layers, each replaced by the server's newer version once one arrived. */
  layers: MeasuredLayer[];
  /** Shows this newer version of its layer in place of the one loaded with the page. */
  replace: (layer: MeasuredLayer) => void;
}

/** The layers as the server has them now, for readers; editors see their working copies on top (useStaffEditing). */
export function useServedLayers(loaded: MeasuredLayer[]): ServedLayers {
  const [newer, setNewer] = useState<Readonly<Record<string, MeasuredLayer>>>({});
  const layers = useMemo(() => loaded.map((layer) => newer[layer.definition.id] ?? layer), [loaded, newer]);
  const replace = useCallback((layer: MeasuredLayer) => setNewer((current) => ({ ...current, [layer.definition.id]: layer })), []);
  return { layers, replace };
}
