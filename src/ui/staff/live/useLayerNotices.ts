import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayerChangeAuthor } from '../../../domain/versions/layerChangeAuthor';

/** A layer changed on the server while the page was open. */
export interface LayerNotice {
  id: number;
  layerId: string;
  author: LayerChangeAuthor;
  /** The user had unsaved edits on the layer: they were kept, and the new version waits for the save. */
  keptEdits: boolean;
}

/** Long enough to read two lines; a notice about kept edits stays until dismissed. */
const UPDATE_NOTICE_MS = 12_000;

export interface LayerNotices {
  notices: readonly LayerNotice[];
  push: (notice: Omit<LayerNotice, 'id'>) => void;
  dismiss: (id: number) => void;
  clear: () => void;
}

/** At most one notice per layer: the newest says what matters. */
export function useLayerNotices(): LayerNotices {
  const [notices, setNotices] = useState<LayerNotice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  const push = useCallback((notice: Omit<LayerNotice, 'id'>) => {
    const id = nextId.current;
    nextId.current += 1;
    setNotices((current) => [...current.filter((old) => old.layerId !== notice.layerId), { ...notice, id }]);
    if (!notice.keptEdits) timers.current.set(id, setTimeout(() => dismiss(id), UPDATE_NOTICE_MS));
  }, [dismiss]);

  const clear = useCallback(() => {
    for (const timer of timers.current.values()) clearTimeout(timer);
    timers.current.clear();
    setNotices([]);
  }, []);

  useEffect(() => () => {
    for (const timer of timers.current.values()) clearTimeout(timer);
  }, []);

  return { notices, push, dismiss, clear };
}
