import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalizedText, Manifest } from '../../../domain/plan/manifest';
import { measureLayer } from '../../../domain/measure/measuredLayer';
import { layerChangeAuthor, type LayerChangeAuthor } from '../../../domain/versions/layerChangeAuthor';
import { parseLayer } from '../../../data/parseGeodata';
import type { SaveProblem } from '../../../data/planMapApi';
import type { RefusedFeature } from '../../../data/editScopeJson';
import { parseEditableLayer } from '../parseEditableLayer';
import type { StaffEditing } from '../useStaffEditing';
import type { StaffSession } from '../useStaffSession';
import { layerUpdateStep, versionOfEtag } from './layerUpdateStep';
import { useLayerNotices, type LayerNotice } from './useLayerNotices';
import type { ServedLayers } from './useServedLayers';
import type { LoadedVersions } from '../../../data/fetchGeodata';

export type RestoreOutcome =
  | { kind: 'restored' }
  | { kind: 'unsaved-edits' }
  /** The layer changed on the server since the page last had it; the newer version is being loaded. */
  | { kind: 'stale' }
  | { kind: 'invalid'; problems: SaveProblem[] }
  | { kind: 'forbidden'; message: LocalizedText; features: RefusedFeature[] }
  | { kind: 'failed'; message: LocalizedText };

export interface LayerUpdates {
  notices: readonly LayerNotice[];
  dismiss: (id: number) => void;
  /** Makes a kept version the layer's new version and shows it (editors). */
  restore: (layerId: string, version: string) => Promise<RestoreOutcome>;
  /** The server version a layer is shown at, when known: a history list reloads when it changes. */
  shownVersion: (layerId: string) => string | undefined;
}

const NOT_EDITABLE: LocalizedText = { zh: '图层尚未载入或未登录编辑账户', en: 'the layer is not loaded, or no editor is signed in' };

/**
 * Follows the server's layer events while someone is signed in (only then is the API known to
 * exist: a static host answers /api/ with 404, which the browser would log as an error). Each
 * announced version is reconciled once nothing local is in flight: editors take it into their
 * working copy unless they have unsaved edits there (kept, merged at save time); readers get
 * the layer replaced. A notice names who changed the layer, or that its file changed on disk.
 */
export function useLayerUpdates(manifest: Manifest, staff: StaffSession, editing: StaffEditing, served: ServedLayers, loadedVersions: LoadedVersions): LayerUpdates {
  const { api, session, isEditor } = staff;
  const signedIn = session.user !== null;
  const latest = useRef({ editing, isEditor, csrfToken: session.csrfToken });
  latest.current = { editing, isEditor, csrfToken: session.csrfToken };
  /** The newest version announced per layer and not yet reconciled. */
  const pending = useRef(new Map<string, string>());
  /** Layers being fetched or restored: their events wait. */
  const busy = useRef(new Set<string>());
  const keptNoticeFor = useRef(new Map<string, string>());
  // A reader's map shows the versions the page loaded (their ETags), until newer ones replace them.
  const [readerVersions, setReaderVersions] = useState<Readonly<Record<string, string>>>({});
  const readerVersionsRef = useRef(readerVersions);
  const loadedVersionsRef = useRef(loadedVersions);
  loadedVersionsRef.current = loadedVersions;
  const readerVersionOf = useCallback((layerId: string): string | undefined => {
    const loaded = loadedVersionsRef.current[layerId];
    return readerVersionsRef.current[layerId] ?? (loaded === undefined ? undefined : versionOfEtag(loaded));
  }, []);
  const [wake, setWake] = useState(0);
  const { notices, push, dismiss, clear } = useLayerNotices();
  const { replace } = served;

  const setReaderVersion = useCallback((layerId: string, version: string) => {
    readerVersionsRef.current = { ...readerVersionsRef.current, [layerId]: version };
    setReaderVersions(readerVersionsRef.current);
  }, []);

  const announce = useCallback((layerId: string, version: string) => {
    if (!manifest.layers.some((layer) => layer.id === layerId)) return;
    pending.current.set(layerId, version);
    setWake((count) => count + 1);
  }, [manifest]);

  useEffect(() => {
    if (!signedIn) return;
    const unsubscribe = api.subscribe(
      (change) => announce(change.layer, change.version),
      (reconnected) => {
        void api.layerVersions().then((list) => {
          for (const { layer, version } of list) {
            if (version === null) continue;
            // A layer read without an ETag (a static host) came at a version the page was not told: take the first open's as its own.
            if (!reconnected && readerVersionOf(layer) === undefined) setReaderVersion(layer, version);
            // Anything may have changed while the stream was down, or since an editor's layers were read.
            announce(layer, version);
          }
        }).catch(() => undefined);
      },
    );
    const waiting = pending.current;
    return () => {
      unsubscribe();
      waiting.clear();
      clear();
    };
  }, [api, signedIn, announce, setReaderVersion, readerVersionOf, clear]);

  const settle = (layerId: string, version: string) => {
    if (pending.current.get(layerId) === version) pending.current.delete(layerId);
  };

  const noticeKeptEdits = useCallback((layerId: string, version: string, author?: LayerChangeAuthor) => {
    if (keptNoticeFor.current.get(layerId) === version) return;
    keptNoticeFor.current.set(layerId, version);
    if (author) push({ layerId, author, keptEdits: true });
    else void api.versions(layerId).catch(() => null).then((versions) => push({ layerId, author: layerChangeAuthor(versions, version), keptEdits: true }));
  }, [api, push]);

  const reconcile = useCallback(async (layerId: string, version: string) => {
    const definition = manifest.layers.find((layer) => layer.id === layerId);
    if (busy.current.has(layerId) || !definition) return;
    const { editing: before, isEditor: editor } = latest.current;
    const step = layerUpdateStep(version, {
      isEditor: editor,
      editorEtag: before.state.layers[layerId]?.etag,
      saving: before.saveStatus[layerId]?.kind === 'saving',
      dirty: before.dirtyLayerIds.includes(layerId),
      readerVersion: readerVersionOf(layerId),
    });
    if (step === 'done') {
      settle(layerId, version);
      return;
    }
    if (step === 'keep-edits') noticeKeptEdits(layerId, version);
    if (step !== 'fetch') return;

    busy.current.add(layerId);
    try {
      const { text, etag } = await api.getLayer(layerId);
      const author = layerChangeAuthor(await api.versions(layerId).catch(() => null), versionOfEtag(etag));
      const now = latest.current;
      const current = now.isEditor ? now.editing.state.layers[layerId] : undefined;
      if (current) {
        // Our own save or restore, answered after its event.
        if (current.etag === etag) {
          settle(layerId, version);
          return;
        }
        // Edits made while the layer was read stay; the save merges them.
        if (!now.editing.adoptServerVersion(layerId, parseEditableLayer(text, layerId), etag)) {
          noticeKeptEdits(layerId, version, author);
          return;
        }
      } else {
        replace(measureLayer(definition, parseLayer(text, `${layerId}.geojson`)));
        setReaderVersion(layerId, versionOfEtag(etag));
      }
      push({ layerId, author, keptEdits: false });
      settle(layerId, version);
    } catch {
      // Unreadable now (offline, signed out, a broken file on disk): the next event or reconnect tries again.
      settle(layerId, version);
    } finally {
      busy.current.delete(layerId);
      setWake((count) => count + 1);
    }
  }, [api, manifest, noticeKeptEdits, push, replace, setReaderVersion, readerVersionOf]);

  useEffect(() => {
    for (const [layerId, version] of pending.current) void reconcile(layerId, version);
  }, [wake, editing.state.layers, editing.saveStatus, reconcile]);

  const restore = useCallback(async (layerId: string, version: string): Promise<RestoreOutcome> => {
    const { editing: before, csrfToken } = latest.current;
    const edits = before.state.layers[layerId];
    if (!edits || !csrfToken) return { kind: 'failed', message: NOT_EDITABLE };
    if (before.dirtyLayerIds.includes(layerId)) return { kind: 'unsaved-edits' };
    busy.current.add(layerId);
    try {
      const result = await api.restoreVersion(layerId, version, edits.etag, csrfToken);
      if (result.kind === 'stale') {
        if (result.currentVersion) pending.current.set(layerId, result.currentVersion);
        return { kind: 'stale' };
      }
      if (result.kind === 'invalid' || result.kind === 'forbidden') return result;
      if (result.kind === 'failed') return { kind: 'failed', message: result.message };
      const { text, etag } = await api.getLayer(layerId);
      latest.current.editing.adoptServerVersion(layerId, parseEditableLayer(text, layerId), etag);
      return { kind: 'restored' };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { kind: 'failed', message: { zh: text, en: text } };
    } finally {
      busy.current.delete(layerId);
      setWake((count) => count + 1);
    }
  }, [api]);

  const shownVersion = (layerId: string): string | undefined => {
    const edits = isEditor ? editing.state.layers[layerId] : undefined;
    return edits ? versionOfEtag(edits.etag) : readerVersions[layerId] ?? readerVersionOf(layerId);
  };

  return { notices, dismiss, restore, shownVersion };
}
