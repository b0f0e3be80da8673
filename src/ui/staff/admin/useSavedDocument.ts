import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentChange } from '../../../domain/changes/documentChange';
import type { LocalizedText } from '../../../domain/plan/manifest';
import type { SaveProblem } from '../../../data/planMapApi';
import type { StaffSession } from '../useStaffSession';

export type PlanSaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'stale' }
  | { kind: 'refused'; problems: SaveProblem[] }
  | { kind: 'failed'; message: LocalizedText };

export interface SavedDocument<T> {
  status: 'loading' | 'failed' | 'ready';
  /** The document as stored, and as edited on this screen. */
  stored: T | null;
  draft: T | null;
  /** The stored version, so a save names what it was based on. */
  etag: string;
  edit: (change: (draft: T) => void) => void;
  discard: () => void;
  reload: () => void;
  /** What the document's contract (the one check-data uses) finds wrong with the draft, each naming its place. */
  problems: SaveProblem[];
  /** What saving would change, in words (the same words the history will show). */
  changes: DocumentChange[];
  save: () => Promise<void>;
  saveStatus: PlanSaveStatus;
}

/** How the admin screen reads, checks and describes one saved document. */
export interface SavedDocumentKind<T> {
  file: string;
  parse: (text: string) => T;
  problems: (draft: T) => SaveProblem[];
  changes: (stored: T, draft: T) => DocumentChange[];
}

const asText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A document of the plan for the admin screen: loaded with its version, edited as a copy, checked as it is typed, saved conditionally. */
export function useSavedDocument<T>(staff: StaffSession, kind: SavedDocumentKind<T>): SavedDocument<T> {
  const { api, session } = staff;
  const [status, setStatus] = useState<SavedDocument<T>['status']>('loading');
  const [stored, setStored] = useState<{ value: T; etag: string } | null>(null);
  const [draft, setDraft] = useState<T | null>(null);
  const [saveStatus, setSaveStatus] = useState<PlanSaveStatus>({ kind: 'idle' });
  const [generation, setGeneration] = useState(0);
  const { file, parse } = kind;

  useEffect(() => {
    let live = true;
    setStatus('loading');
    api.getDocument(file).then(({ text, etag }) => {
      if (!live) return;
      const value = parse(text);
      setStored({ value, etag });
      setDraft(structuredClone(value));
      setStatus('ready');
    }).catch(() => { if (live) setStatus('failed'); });
    return () => { live = false; };
  }, [api, file, parse, generation]);

  const edit = useCallback((change: (copy: T) => void) => {
    setDraft((current) => {
      if (current === null) return current;
      const copy = structuredClone(current);
      change(copy);
      return copy;
    });
    setSaveStatus({ kind: 'idle' });
  }, []);

  const problems = useMemo(() => (draft === null ? [] : kind.problems(draft)), [draft, kind]);
  const changes = useMemo(() => (stored && draft !== null ? kind.changes(stored.value, draft) : []), [stored, draft, kind]);

  const save = useCallback(async () => {
    if (!stored || draft === null || !session.csrfToken) return;
    setSaveStatus({ kind: 'saving' });
    const result = await api.putDocument(file, asText(draft), stored.etag, session.csrfToken).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      return { kind: 'failed' as const, status: 0, message: { zh: text, en: text } };
    });
    if (result.kind === 'saved') {
      setStored({ value: structuredClone(draft), etag: result.etag });
      setSaveStatus({ kind: 'saved' });
    } else if (result.kind === 'stale') setSaveStatus({ kind: 'stale' });
    else if (result.kind === 'invalid' || result.kind === 'needs-confirmation') setSaveStatus({ kind: 'refused', problems: result.problems });
    else setSaveStatus({ kind: 'failed', message: result.message });
  }, [api, draft, file, session.csrfToken, stored]);

  const discard = useCallback(() => {
    if (stored) setDraft(structuredClone(stored.value));
    setSaveStatus({ kind: 'idle' });
  }, [stored]);
  const reload = useCallback(() => {
    setSaveStatus({ kind: 'idle' });
    setGeneration((count) => count + 1);
  }, []);

  return { status, stored: stored?.value ?? null, draft, etag: stored?.etag ?? '', edit, discard, reload, problems, changes, save, saveStatus };
}
