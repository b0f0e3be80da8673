import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { EditResult } from '../../domain/edits/editResult';
import { momentBetween } from '../../domain/edits/momentBetween';
import { applyMoment } from '../../domain/edits/applyMoment';
import { draftOf } from '../../domain/edits/draft';
import { rebaseDraft, replayDraft, type RebasedDraft } from '../../domain/edits/rebaseDraft';
import { resolveConflicts, type ConflictChoice } from '../../domain/edits/resolveConflicts';
import { jsonEqual } from '../../domain/changes/layerDiff';
import type { LayerDefinition, LocalizedText, Manifest } from '../../domain/plan/manifest';
import { measureLayer, type MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { SaveProblem } from '../../data/planMapApi';
import type { RefusedFeature } from '../../data/editScopeJson';
import { outsideScope } from '../../domain/access/editScope';
import { editingReducer, initialEditingState, type EditingState, type LayerEdits } from './editingReducer';
import { parseEditableLayer } from './parseEditableLayer';
import { readDrafts, removeDraft, writeDraft } from './draftStorage';
import { saveLayerEdits } from './saveLayerEdits';
import { saveFailure } from './saveFailure';
import type { StaffSession } from './useStaffSession';
import { useDraftAutosave } from './useDraftAutosave';
import { useUndoShortcuts } from './useUndoShortcuts';

export type SaveStatus =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; problems: SaveProblem[] }
  /** The server refused features outside the account's scope (403); the edits stay unsaved. */
  | { kind: 'forbidden'; message: LocalizedText; features: RefusedFeature[] }
  | { kind: 'failed'; message: LocalizedText; unreachable?: boolean };

export interface PendingConflict {
  layerId: string;
  rebased: RebasedDraft;
  etag: string;
  /** A conflict met while saving saves again once resolved; one met while restoring a draft does not. */
  thenSave: boolean;
}

/** A save the server held back until the user confirms its figures (a feature larger than the district, a layer's total jumping). */
export interface PendingConfirmation {
  layerId: string;
  problems: SaveProblem[];
  /** The server's confirmation text, sent back with the save once the user agrees. */
  confirmation: string;
}

export interface StaffEditing {
  state: EditingState;
  /** The layers to draw and count: working copies where the editor has them. */
  layers: MeasuredLayer[];
  dirtyLayerIds: string[];
  saveStatus: Readonly<Record<string, SaveStatus>>;
  conflict: PendingConflict | null;
  confirmation: PendingConfirmation | null;
  /** Whether the layer is loaded for editing and within the account's scope. */
  canEdit: (layerId: string) => boolean;
  /** Whether the account's scope lets it change this feature (the server checks again on save): false shows it read-only. */
  canEditFeature: (ref: { layerId: string; featureId: string }) => boolean;
  /** Applies an edit built on the working copy; returns why not when the builder refused. */
  edit: (layerId: string, build: (collection: PlanFeatureCollection, definition: LayerDefinition) => EditResult) => LocalizedText | undefined;
  /** Replaces the working copy by `collection` as one undoable step (an import). */
  replace: (layerId: string, collection: PlanFeatureCollection) => void;
  undo: () => void;
  redo: () => void;
  /** `confirmExtent`: the server's confirmation of figures the user has agreed to (see PendingConfirmation). */
  save: (layerId: string, confirmExtent?: string) => Promise<void>;
  /** Saves again with the figures the user has just seen and agreed to. */
  confirmSave: () => void;
  /** Closes the confirmation without saving: the edits stay unsaved. */
  dismissConfirmation: () => void;
  resolve: (choices: Readonly<Record<string, ConflictChoice>>) => LocalizedText | undefined;
  /** Closes the conflict without saving: the working copy keeps the user's edits, and the next save meets the conflict again. */
  dismissConflict: () => void;
  /** Restores one offered draft (by its storage key) on top of the working copy; this tab takes it over. */
  restoreDraft: (key: string) => Promise<void>;
  discardDraft: (key: string) => void;
  select: (selection: EditingState['selection']) => void;
  /**
   * Takes the server's newer version of a layer (someone else's save, a restore, a file changed
   * on disk) as base and working copy. Refused, returning false, while the user has unsaved
   * edits there: those are kept, and the save merges them with the server's version.
   */
  adoptServerVersion: (layerId: string, server: PlanFeatureCollection, etag: string) => boolean;
}

function isDirty(edits: LayerEdits): boolean {
  return edits.working !== edits.base && !jsonEqual(edits.working, edits.base);
}

/** Automatic retries of a save whose rebase had no conflicts; more means another tab saves as fast as we do. */
const MAX_CLEAN_REBASES = 3;

/** The one store of staff editing: working copies, undo history, selection, saves and drafts. */
export function useStaffEditing(manifest: Manifest, loaded: MeasuredLayer[], staff: StaffSession): StaffEditing {
  const [state, dispatch] = useReducer(editingReducer, initialEditingState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [saveStatus, setSaveStatus] = useState<Record<string, SaveStatus>>({});
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const { api, isEditor, session } = staff;
  // Drafts are the signed-in editor's own (draftStorage); the reset on sign-out leaves them stored.
  const user = session.user ?? '';

  useEffect(() => {
    if (!isEditor) {
      dispatch({ type: 'reset' });
      return;
    }
    let live = true;
    for (const definition of manifest.layers) {
      void api.getLayer(definition.id).then(({ text, etag }) => {
        if (live) dispatch({ type: 'loaded', layerId: definition.id, base: parseEditableLayer(text, definition.id), etag, drafts: readDrafts(user, definition.id) });
      }).catch(() => undefined);
    }
    return () => { live = false; };
  }, [api, isEditor, manifest, user]);

  const measured = useRef(new WeakMap<PlanFeatureCollection, MeasuredLayer>());
  const layers = useMemo(() => loaded.map((layer) => {
    const edits = state.layers[layer.definition.id];
    if (!edits) return layer;
    const cached = measured.current.get(edits.working);
    if (cached) return cached;
    const fresh = measureLayer(layer.definition, edits.working);
    measured.current.set(edits.working, fresh);
    return fresh;
  }), [loaded, state.layers]);

  const dirtyLayerIds = useMemo(() => Object.entries(state.layers).filter(([, edits]) => isDirty(edits)).map(([id]) => id), [state.layers]);
  useDraftAutosave(user, state, isDirty);
  useEffect(() => {
    if (dirtyLayerIds.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => { event.preventDefault(); event.returnValue = ''; };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyLayerIds.length]);

  // "Saved" next to new unsaved changes would contradict them; problems stay until the next save.
  const clearSaved = useCallback((layerId: string) => setSaveStatus((current) => {
    if (current[layerId]?.kind !== 'saved') return current;
    const { [layerId]: _saved, ...rest } = current;
    return rest;
  }), []);

  const edit = useCallback<StaffEditing['edit']>((layerId, build) => {
    const edits = stateRef.current.layers[layerId];
    const definition = manifest.layers.find((layer) => layer.id === layerId);
    if (!edits || !definition) return { zh: '图层尚未载入，请稍候', en: 'the layer is still loading' };
    const result = build(edits.working, definition);
    if (!result.ok) return result.reason;
    dispatch({ type: 'apply', layerId, moment: result.moment });
    clearSaved(layerId);
    return undefined;
  }, [manifest, clearSaved]);

  const replace = useCallback((layerId: string, collection: PlanFeatureCollection) => {
    const edits = stateRef.current.layers[layerId];
    if (edits) dispatch({ type: 'apply', layerId, moment: momentBetween(edits.working, collection, 'import') });
    clearSaved(layerId);
  }, [clearSaved]);

  const save = useCallback(async (layerId: string, confirmExtent?: string) => {
    const csrf = session?.csrfToken;
    if (!csrf) return;
    setConfirmation(null);
    setSaveStatus((current) => ({ ...current, [layerId]: { kind: 'saving' } }));
    let edits = stateRef.current.layers[layerId];
    for (let attempt = 0; edits && attempt <= MAX_CLEAN_REBASES; attempt += 1) {
      const outcome = await saveLayerEdits(api, layerId, edits, csrf, confirmExtent).catch((error: unknown) => ({ kind: 'failed' as const, status: 0, ...saveFailure(error) }));
      if (outcome.kind === 'saved') {
        dispatch({ type: 'saved', layerId, collection: outcome.collection, etag: outcome.etag });
        setSaveStatus((current) => ({ ...current, [layerId]: { kind: 'saved' } }));
        return;
      }
      if (outcome.kind === 'needs-confirmation') {
        setConfirmation({ layerId, problems: outcome.problems, confirmation: outcome.confirmation });
        setSaveStatus((current) => {
          const { [layerId]: _held, ...rest } = current;
          return rest;
        });
        return;
      }
      if (outcome.kind === 'invalid' || outcome.kind === 'forbidden' || outcome.kind === 'failed') {
        const status: SaveStatus = outcome.kind !== 'failed' ? outcome : { kind: 'failed', message: outcome.message, unreachable: 'unreachable' in outcome && outcome.unreachable };
        setSaveStatus((current) => ({ ...current, [layerId]: status }));
        return;
      }
      if (outcome.rebased.conflicts.length > 0) {
        setConflict({ layerId, rebased: outcome.rebased, etag: outcome.etag, thenSave: true });
        setSaveStatus((current) => {
          const { [layerId]: _done, ...rest } = current;
          return rest;
        });
        return;
      }
      dispatch({ type: 'rebased', layerId, server: outcome.server, etag: outcome.etag, working: outcome.rebased.merged });
      edits = { ...edits, base: outcome.server, etag: outcome.etag, working: outcome.rebased.merged };
    }
  }, [api, session]);

  const resolve = useCallback<StaffEditing['resolve']>((choices) => {
    if (!conflict) return undefined;
    const resolved = resolveConflicts(conflict.rebased, choices);
    if (!resolved.ok) return resolved.reason;
    dispatch({ type: 'rebased', layerId: conflict.layerId, server: conflict.rebased.server, etag: conflict.etag, working: resolved.collection });
    setConflict(null);
    // The reducer has not run yet: save what it will hold.
    const current = stateRef.current.layers[conflict.layerId];
    if (current) stateRef.current = { ...stateRef.current, layers: { ...stateRef.current.layers, [conflict.layerId]: { ...current, base: conflict.rebased.server, etag: conflict.etag, working: resolved.collection } } };
    if (conflict.thenSave) void save(conflict.layerId);
    return undefined;
  }, [conflict, save]);

  const dismissConflict = useCallback(() => setConflict(null), []);
  const confirmSave = useCallback(() => {
    if (confirmation) void save(confirmation.layerId, confirmation.confirmation);
  }, [confirmation, save]);
  const dismissConfirmation = useCallback(() => setConfirmation(null), []);

  const restoreDraft = useCallback(async (key: string) => {
    const offer = stateRef.current.draftOffers.find((candidate) => candidate.key === key);
    dispatch({ type: 'dropOffer', key });
    const draft = offer?.draft;
    const edits = draft && stateRef.current.layers[draft.layerId];
    if (!draft || !edits) return;
    const { layerId } = draft;
    // Saved by someone since the draft was made: rebase on the draft's own base, so their edits are not overwritten unseen.
    const oldText = draft.baseVersion === edits.etag ? null : await api.getLayerVersion(layerId, draft.baseVersion.replaceAll('"', '')).catch(() => null);
    const rebased = oldText === null ? replayDraft(edits.base, draft) : rebaseDraft(parseEditableLayer(oldText, layerId), edits.base, draft);
    // Only the draft's own changes, onto the working copy as it is now: a draft restored before this one stays.
    const moment = momentBetween(edits.base, rebased.merged, 'restore');
    const current = stateRef.current.layers[layerId] ?? edits;
    dispatch({ type: 'apply', layerId, moment });
    // This tab adopts the draft: its edits are under this tab's key before the offered key goes.
    const restored = applyMoment(current.working, moment).collection;
    if (!jsonEqual(restored, current.base)) writeDraft(user, draftOf(layerId, current.etag, current.base, restored, new Date().toISOString()));
    removeDraft(key);
    if (rebased.conflicts.length > 0) setConflict({ layerId, rebased, etag: edits.etag, thenSave: false });
  }, [api, user]);

  const discardDraft = useCallback((key: string) => {
    removeDraft(key);
    dispatch({ type: 'dropOffer', key });
  }, []);

  const adoptServerVersion = useCallback<StaffEditing['adoptServerVersion']>((layerId, server, etag) => {
    const edits = stateRef.current.layers[layerId];
    if (!edits || isDirty(edits)) return false;
    dispatch({ type: 'rebased', layerId, server, etag, working: server });
    return true;
  }, []);

  const scopedLayers = session.scope?.layers;
  const canEdit = (layerId: string) => isEditor && state.layers[layerId] !== undefined && (scopedLayers === undefined || scopedLayers.includes(layerId));

  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  useUndoShortcuts(isEditor, undo, redo);

  return {
    state,
    layers,
    dirtyLayerIds,
    saveStatus,
    conflict,
    confirmation,
    canEdit,
    canEditFeature: ({ layerId, featureId }) => {
      const feature = canEdit(layerId) ? state.layers[layerId]?.working.features.find((candidate) => candidate.id === featureId) : undefined;
      return feature !== undefined && outsideScope(session.scope ?? undefined, layerId, feature) === null;
    },
    edit,
    replace,
    undo,
    redo,
    save,
    resolve,
    dismissConflict,
    confirmSave,
    dismissConfirmation,
    restoreDraft,
    discardDraft,
    select: (selection) => dispatch({ type: 'select', selection }),
    adoptServerVersion,
  };
}
