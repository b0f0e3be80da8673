import { createContext } from 'react';
import type { ViewState } from './viewState';

/**
 * The next view state, announced the moment a filter is clicked, before React renders it as a
 * transition: the map restyles in the same task (one GPU uniform), the panels follow.
 */
export class ViewPreview {
  private readonly listeners = new Set<(next: ViewState) => void>();

  subscribe(listener: (next: ViewState) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  announce(next: ViewState): void {
    for (const listener of this.listeners) listener(next);
  }
}

export const ViewPreviewContext = createContext<ViewPreview | null>(null);
