import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentChange } from '../../../domain/changes/documentChange';
import type { LocalizedText, Manifest } from '../../../domain/plan/manifest';
import { manifestChanges } from '../../../domain/plan/manifestChanges';
import { manifestIssues } from '../../../domain/plan/manifestIssues';
import { withManifestPlaces } from '../../../domain/plan/manifestPlaceText';
import { parseManifest } from '../../../data/parseGeodata';
import type { SaveProblem } from '../../../data/planMapApi';
import type { StaffSession } from '../useStaffSession';

export const PLAN_DOCUMENT = 'layers.json';

export type PlanSaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'stale' }
  | { kind: 'refused'; problems: SaveProblem[] }
  | { kind: 'failed'; message: LocalizedText };

export interface PlanDocument {
  status: 'loading' | 'failed' | 'ready';
  /** The plan as stored, and as edited on this screen. */
  stored: Manifest | null;
  draft: Manifest | null;
  /** The stored version, so a save names what it was based on. */
  etag: string;
  edit: (change: (draft: Manifest) => void) => void;
  discard: () => void;
  reload: () => void;
  /** What the contract and the consistency rules (the ones check-data uses) find wrong with the draft, each naming its place. */
  problems: SaveProblem[];
  /** What saving would change, in words (the same words the history will show). */
  changes: DocumentChange[];
  save: () => Promise<void>;
  saveStatus: PlanSaveStatus;
}

const asText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** layers.json for the admin screen: loaded with its version, edited as a copy, checked as it is typed, saved conditionally. */
export function usePlanDocument(staff: StaffSession): PlanDocument {
  const { api, session } = staff;
  const [status, setStatus] = useState<PlanDocument['status']>('loading');
  const [stored, setStored] = useState<{ manifest: Manifest; etag: string } | null>(null);
  const [draft, setDraft] = useState<Manifest | null>(null);
  const [saveStatus, setSaveStatus] = useState<PlanSaveStatus>({ kind: 'idle' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setStatus('loading');
    api.getDocument(PLAN_DOCUMENT).then(({ text, etag }) => {
      if (!live) return;
      const manifest = parseManifest(text, PLAN_DOCUMENT);
      setStored({ manifest, etag });
      setDraft(structuredClone(manifest));
      setStatus('ready');
    }).catch(() => { if (live) setStatus('failed'); });
    return () => { live = false; };
  }, [api, generation]);

  const edit = useCallback((change: (copy: Manifest) => void) => {
    setDraft((current) => {
      if (!current) return current;
      const copy = structuredClone(current);
      change(copy);
      return copy;
    });
    setSaveStatus({ kind: 'idle' });
  }, []);

  const problems = useMemo(() => {
    if (!draft) return [];
    // As JSON: a number typed as nothing is then null, as the file would hold it.
    const json: unknown = JSON.parse(JSON.stringify(draft));
    return withManifestPlaces(manifestIssues(json), json);
  }, [draft]);
  const changes = useMemo(() => (stored && draft ? manifestChanges(stored.manifest, draft) : []), [stored, draft]);

  const save = useCallback(async () => {
    if (!stored || !draft || !session.csrfToken) return;
    setSaveStatus({ kind: 'saving' });
    const result = await api.putDocument(PLAN_DOCUMENT, asText(draft), stored.etag, session.csrfToken).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      return { kind: 'failed' as const, status: 0, message: { zh: text, en: text } };
    });
    if (result.kind === 'saved') {
      setStored({ manifest: structuredClone(draft), etag: result.etag });
      setSaveStatus({ kind: 'saved' });
    } else if (result.kind === 'stale') setSaveStatus({ kind: 'stale' });
    else if (result.kind === 'invalid' || result.kind === 'needs-confirmation') setSaveStatus({ kind: 'refused', problems: result.problems });
    else setSaveStatus({ kind: 'failed', message: result.message });
  }, [api, draft, session.csrfToken, stored]);

  const discard = useCallback(() => {
    if (stored) setDraft(structuredClone(stored.manifest));
    setSaveStatus({ kind: 'idle' });
  }, [stored]);
  const reload = useCallback(() => {
    setSaveStatus({ kind: 'idle' });
    setGeneration((count) => count + 1);
  }, []);

  return { status, stored: stored?.manifest ?? null, draft, etag: stored?.etag ?? '', edit, discard, reload, problems, changes, save, saveStatus };
}
