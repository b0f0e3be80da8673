import { useEffect, useState } from 'react';
import type { Manifest } from '../../domain/plan/manifest';
import type { ControlLineShape } from '../../domain/control/controlLineShape';
import { fetchControlLines } from '../../data/fetchControlLines';

const NONE: ControlLineShape[] = [];

/** The manifest's control lines, parsed for overlap tests; empty until they arrive (and when there are none). */
export function useControlLines(manifest: Manifest): ControlLineShape[] {
  const [shapes, setShapes] = useState<ControlLineShape[]>(NONE);
  const definitions = manifest.controlLines;
  useEffect(() => {
    if (!definitions || definitions.length === 0) {
      setShapes(NONE);
      return undefined;
    }
    const controller = new AbortController();
    fetchControlLines({ ...manifest, controlLines: definitions }, new URL('geodata/', document.baseURI).href, controller.signal)
      .then(setShapes)
      .catch(() => undefined);
    return () => controller.abort();
    // Read again only when the list of control lines changes, not on every plan reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(definitions)]);
  return shapes;
}
