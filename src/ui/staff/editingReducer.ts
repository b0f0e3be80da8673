import { History } from '../../domain/edits/history';
import { momentBetween } from '../../domain/edits/momentBetween';
import type { Moment } from '../../domain/edits/moment';
import type { DraftOffer } from './draftStorage';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';

/** One layer as the editor sees it: the server's version it started from and the working copy. */
export interface LayerEdits {
  base: PlanFeatureCollection;
  /** The ETag of `base`, as a save names it in If-Match. */
  etag: string;
  working: PlanFeatureCollection;
  history: History;
}

export interface EditingState {
  layers: Readonly<Record<string, LayerEdits>>;
  /** Layer ids in the order of their edits, so one undo button reverts the last edit wherever it was. */
  undoOrder: readonly string[];
  redoOrder: readonly string[];
  /** Features picked with Shift+click for one status change. */
  selection: { layerId: string; featureIds: readonly string[] } | null;
  /** Drafts found in storage (from any tab) when the layer was loaded, waiting for restore or discard. */
  draftOffers: readonly DraftOffer[];
}

export type EditingAction =
  | { type: 'loaded'; layerId: string; base: PlanFeatureCollection; etag: string; drafts: DraftOffer[] }
  | { type: 'apply'; layerId: string; moment: Moment }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; layerId: string; collection: PlanFeatureCollection; etag: string }
  /** The server moved on: `working` is the user's edits re-applied on `server`. */
  | { type: 'rebased'; layerId: string; server: PlanFeatureCollection; etag: string; working: PlanFeatureCollection }
  | { type: 'select'; selection: EditingState['selection'] }
  | { type: 'dropOffer'; key: string }
  | { type: 'reset' };

export const initialEditingState: EditingState = { layers: {}, undoOrder: [], redoOrder: [], selection: null, draftOffers: [] };

function withLayer(state: EditingState, layerId: string, edits: LayerEdits): EditingState {
  return { ...state, layers: { ...state.layers, [layerId]: edits } };
}

function step(state: EditingState, direction: 'undo' | 'redo'): EditingState {
  const from = direction === 'undo' ? state.undoOrder : state.redoOrder;
  const layerId = from.at(-1);
  const edits = layerId === undefined ? undefined : state.layers[layerId];
  if (layerId === undefined || !edits) return state;
  const result = direction === 'undo' ? edits.history.undo(edits.working) : edits.history.redo(edits.working);
  const rest = from.slice(0, -1);
  if (!result) return direction === 'undo' ? { ...state, undoOrder: rest } : { ...state, redoOrder: rest };
  const next = withLayer(state, layerId, { ...edits, working: result.collection, history: result.history });
  return direction === 'undo'
    ? { ...next, undoOrder: rest, redoOrder: [...state.redoOrder, layerId] }
    : { ...next, redoOrder: rest, undoOrder: [...state.undoOrder, layerId] };
}

export function editingReducer(state: EditingState, action: EditingAction): EditingState {
  switch (action.type) {
    case 'loaded': {
      if (state.layers[action.layerId]) return state;
      const edits: LayerEdits = { base: action.base, etag: action.etag, working: action.base, history: History.empty() };
      return { ...withLayer(state, action.layerId, edits), draftOffers: [...state.draftOffers, ...action.drafts] };
    }
    case 'apply': {
      const edits = state.layers[action.layerId];
      if (!edits) return state;
      const result = edits.history.apply(edits.working, action.moment);
      if (result.history === edits.history) return state;
      return { ...withLayer(state, action.layerId, { ...edits, working: result.collection, history: result.history }), undoOrder: [...state.undoOrder, action.layerId], redoOrder: [] };
    }
    case 'undo':
    case 'redo':
      return step(state, action.type);
    case 'saved': {
      const edits = state.layers[action.layerId];
      if (!edits) return state;
      return withLayer(state, action.layerId, { ...edits, base: action.collection, etag: action.etag });
    }
    case 'rebased': {
      const edits = state.layers[action.layerId];
      if (!edits) return state;
      // Older undo steps were made against the old base and could overwrite the server's edits: start over from the rebase.
      const history = History.empty().apply(action.server, momentBetween(action.server, action.working, 'rebase')).history;
      const dropLayer = (order: readonly string[]) => order.filter((id) => id !== action.layerId);
      const undoOrder = history.canUndo ? [...dropLayer(state.undoOrder), action.layerId] : dropLayer(state.undoOrder);
      return { ...withLayer(state, action.layerId, { base: action.server, etag: action.etag, working: action.working, history }), undoOrder, redoOrder: dropLayer(state.redoOrder) };
    }
    case 'select':
      return { ...state, selection: action.selection };
    case 'dropOffer':
      return { ...state, draftOffers: state.draftOffers.filter((offer) => offer.key !== action.key) };
    case 'reset':
      return initialEditingState;
  }
}
