import type { LocalizedText } from '../domain/plan/manifest';
import type { SaveProblem, ValidationCode } from '../domain/validation/validationReport';
import type { LayerVersion } from '../domain/versions/layerVersion';
import { openLayerEventStream, type LayerChange } from './layerEventStream';
import { parseAuditPage, parseLayerVersions, parseVersionList, type AuditRecordPage } from './layerVersionsJson';
import { isRecord } from '../domain/isRecord';
import type { EditScope } from '../domain/access/editScope';
import { parseEditScope, parseRefusedFeatures, type RefusedFeature } from './editScopeJson';

export type Role = 'admin' | 'editor' | 'viewer';

export interface Session {
  user: string | null;
  role: Role | null;
  /** What the account may edit; null: everything its role allows. */
  scope: EditScope | null;
  csrfToken: string | null;
  readAccess: string;
}

export type { SaveProblem } from '../domain/validation/validationReport';

export type LoginResult = { ok: true; session: Session } | { ok: false; status: number; message: LocalizedText };

export type SaveResult =
  | { kind: 'saved'; etag: string; version: string }
  | { kind: 'stale'; currentVersion: string | null }
  | { kind: 'invalid'; problems: SaveProblem[] }
  /** Figures out of the ordinary: saved only when asked again with `confirmation` (the server's confirmExtent). */
  | { kind: 'needs-confirmation'; problems: SaveProblem[]; confirmation: string }
  /** 403: the save touches features outside the account's scope; nothing was saved. */
  | { kind: 'forbidden'; message: LocalizedText; features: RefusedFeature[] }
  | { kind: 'failed'; status: number; message: LocalizedText };

const UNKNOWN_ERROR: LocalizedText = { zh: '请求失败', en: 'the request failed' };
const UNKNOWN_PROBLEM: LocalizedText = { zh: '服务器指出了一个问题，但没有说明', en: 'the server reported a problem without saying what it is' };


function asLocalized(value: unknown): LocalizedText | undefined {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string' ? { zh: value.zh, en: value.en } : undefined;
}

async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await response.json();
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/** The server's errors carry `{ zh, en }` (server/http/apiResponses); a proxy's may say nothing we can show. */
function errorMessage(body: Record<string, unknown>, status: number): LocalizedText {
  return asLocalized(body.message) ?? { zh: `${UNKNOWN_ERROR.zh}（HTTP ${status}）`, en: `${UNKNOWN_ERROR.en} (HTTP ${status})` };
}

function sessionOf(body: Record<string, unknown>): Session {
  const role = body.role === 'admin' || body.role === 'editor' || body.role === 'viewer' ? body.role : null;
  return {
    user: typeof body.user === 'string' ? body.user : null,
    role,
    scope: parseEditScope(body.scope),
    csrfToken: typeof body.csrfToken === 'string' ? body.csrfToken : null,
    readAccess: typeof body.readAccess === 'string' ? body.readAccess : 'open',
  };
}

function problemsOf(body: Record<string, unknown>): SaveProblem[] {
  const list = Array.isArray(body.problems) ? body.problems : [];
  return list.filter(isRecord).map((problem): SaveProblem => ({
    ...(typeof problem.featureIndex === 'number' ? { featureIndex: problem.featureIndex } : {}),
    ...(typeof problem.featureId === 'string' ? { featureId: problem.featureId } : {}),
    path: typeof problem.path === 'string' ? problem.path : '',
    // A code the app does not know yet is shown by its message all the same.
    code: (typeof problem.code === 'string' ? problem.code : 'SCHEMA_VIOLATION') as ValidationCode,
    message: asLocalized(problem.message) ?? UNKNOWN_PROBLEM,
  }));
}

/** A save's or a restore's answer that is neither saved nor stale: invalid, outside the account's scope, or failed. */
function refusalOf(status: number, body: Record<string, unknown>): SaveResult {
  if (status === 422) return { kind: 'invalid', problems: problemsOf(body) };
  if (status === 403 && body.error === 'outside-edit-scope') return { kind: 'forbidden', message: errorMessage(body, status), features: parseRefusedFeatures(body) };
  return { kind: 'failed', status, message: errorMessage(body, status) };
}

/** The browser's client of the plan map API (src/server/api): same-origin, cookie session. */
export class PlanMapApi {
  constructor(private readonly baseUrl: string) {}

  private url(path: string): string {
    return new URL(`api/${path}`, this.baseUrl).href;
  }

  /** The session, or null when the server runs without the API (a read-only deployment). */
  async session(): Promise<Session | null> {
    const response = await fetch(this.url('session'), { credentials: 'same-origin' }).catch(() => undefined);
    if (!response?.ok) return null;
    return sessionOf(await jsonOf(response));
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const response = await fetch(this.url('login'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await jsonOf(response);
    if (!response.ok) return { ok: false, status: response.status, message: errorMessage(body, response.status) };
    return { ok: true, session: { ...sessionOf(body), readAccess: 'open' } };
  }

  async logout(): Promise<void> {
    await fetch(this.url('logout'), { method: 'POST', credentials: 'same-origin' });
  }

  /** The layer's stored text and its ETag, as a save must name it in If-Match. */
  async getLayer(layerId: string): Promise<{ text: string; etag: string }> {
    const response = await fetch(this.url(`layers/${encodeURIComponent(layerId)}`), { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`GET ${layerId}: HTTP ${response.status}`);
    return { text: await response.text(), etag: response.headers.get('ETag') ?? '' };
  }

  /** An earlier version kept by the server, or null when it is no longer kept. */
  async getLayerVersion(layerId: string, version: string): Promise<string | null> {
    const response = await fetch(this.url(`layers/${encodeURIComponent(layerId)}/versions/${encodeURIComponent(version)}`), { credentials: 'same-origin' });
    return response.ok ? response.text() : null;
  }

  /** `confirmExtent` repeats the confirmation of an earlier needs-confirmation answer, after the user agreed. */
  async putLayer(layerId: string, text: string, etag: string, csrfToken: string, confirmExtent?: string): Promise<SaveResult> {
    const query = confirmExtent === undefined ? '' : `?confirmExtent=${encodeURIComponent(confirmExtent)}`;
    const response = await fetch(this.url(`layers/${encodeURIComponent(layerId)}${query}`), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/geo+json', 'If-Match': etag, 'X-CSRF-Token': csrfToken },
      body: text,
    });
    return this.contentSaveResultOf(response);
  }

  /**
   * One project of a layer (a tiled layer's, whose whole the page never holds): its new content,
   * conditional on `projectVersion`, the version the project was read at (GET …/features/<id>).
   */
  async putProject(layerId: string, featureId: string, featureText: string, projectVersion: string, csrfToken: string): Promise<SaveResult> {
    const response = await fetch(this.url(`layers/${encodeURIComponent(layerId)}/features/${encodeURIComponent(featureId)}`), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/geo+json', 'If-Match': `"${projectVersion}"`, 'X-CSRF-Token': csrfToken },
      body: featureText,
    });
    return this.contentSaveResultOf(response);
  }

  /** A layer's or a project's save answer: saved, stale, figures to confirm, or refused. */
  private async contentSaveResultOf(response: Response): Promise<SaveResult> {
    const body = await jsonOf(response);
    if (response.status === 200) {
      const version = typeof body.version === 'string' ? body.version : '';
      return { kind: 'saved', etag: response.headers.get('ETag') ?? `"${version}"`, version };
    }
    if (response.status === 412) {
      const current = body.currentVersion;
      return { kind: 'stale', currentVersion: typeof current === 'string' ? current : null };
    }
    if (response.status === 422 && body.error === 'needs-confirmation' && typeof body.confirmation === 'string')
      return { kind: 'needs-confirmation', problems: problemsOf(body), confirmation: body.confirmation };
    return refusalOf(response.status, body);
  }

  /** Calls `onLayer` whenever a layer gets a new version, reconnecting after drops; returns the unsubscribe. */
  subscribe(onLayer: (event: LayerChange) => void, onOpen?: (reconnected: boolean) => void): () => void {
    return openLayerEventStream(this.url('events'), { onLayer, onOpen });
  }

  // Version history: the kept versions, the audit log, restore.

  /** The layer's kept versions, newest first, or null when they cannot be read (no API, not allowed). */
  async versions(layerId: string): Promise<LayerVersion[] | null> {
    const response = await fetch(this.url(`layers/${encodeURIComponent(layerId)}/versions`), { credentials: 'same-origin', cache: 'no-store' });
    return response.ok ? parseVersionList(await jsonOf(response)) : null;
  }

  /** A page of the layer's audit records, newest first, older ones from `before` on; null when they cannot be read. */
  async auditPage(layerId: string, before?: string): Promise<AuditRecordPage | null> {
    const query = new URLSearchParams({ layer: layerId, ...(before === undefined ? {} : { before }) });
    const response = await fetch(this.url(`audit?${query.toString()}`), { credentials: 'same-origin', cache: 'no-store' });
    return response.ok ? parseAuditPage(await jsonOf(response)) : null;
  }

  /** Every layer's current version, to catch up on changes missed while the event stream was down. */
  async layerVersions(): Promise<{ layer: string; version: string | null }[]> {
    const response = await fetch(this.url('layers'), { credentials: 'same-origin', cache: 'no-store' });
    return response.ok ? parseLayerVersions(await jsonOf(response)) : [];
  }

  /** Makes a kept version the layer's new version, if the layer is still at `etag` (412 otherwise). */
  restoreVersion(layerId: string, version: string, etag: string, csrfToken: string): Promise<SaveResult> {
    return this.restore(`layers/${encodeURIComponent(layerId)}`, version, etag, csrfToken);
  }

  // The plan's documents (layers.json), saved by admins: the same versions, history and restore as a layer.

  /** A document's stored text and its ETag. */
  async getDocument(name: string): Promise<{ text: string; etag: string }> {
    const response = await fetch(this.url(`documents/${encodeURIComponent(name)}`), { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`GET ${name}: HTTP ${response.status}`);
    return { text: await response.text(), etag: response.headers.get('ETag') ?? '' };
  }

  /** Saves a document if it is still at `etag`; the server checks it as `check-data` would. */
  async putDocument(name: string, text: string, etag: string, csrfToken: string): Promise<SaveResult> {
    const response = await fetch(this.url(`documents/${encodeURIComponent(name)}`), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag, 'X-CSRF-Token': csrfToken },
      body: text,
    });
    return this.saveResultOf(response, '');
  }

  /** A document's kept versions, newest first, or null when they cannot be read. */
  async documentVersions(name: string): Promise<LayerVersion[] | null> {
    const response = await fetch(this.url(`documents/${encodeURIComponent(name)}/versions`), { credentials: 'same-origin', cache: 'no-store' });
    return response.ok ? parseVersionList(await jsonOf(response)) : null;
  }

  restoreDocumentVersion(name: string, version: string, etag: string, csrfToken: string): Promise<SaveResult> {
    return this.restore(`documents/${encodeURIComponent(name)}`, version, etag, csrfToken);
  }

  private async restore(path: string, version: string, etag: string, csrfToken: string): Promise<SaveResult> {
    const response = await fetch(this.url(`${path}/versions/${encodeURIComponent(version)}/restore`), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'If-Match': etag, 'X-CSRF-Token': csrfToken },
    });
    return this.saveResultOf(response, version);
  }

  /** A save's or a restore's answer; `fallbackVersion` when a 200 names none. */
  private async saveResultOf(response: Response, fallbackVersion: string): Promise<SaveResult> {
    const body = await jsonOf(response);
    if (response.status === 200) {
      const saved = typeof body.version === 'string' ? body.version : fallbackVersion;
      return { kind: 'saved', etag: response.headers.get('ETag') ?? `"${saved}"`, version: saved };
    }
    if (response.status === 412) return { kind: 'stale', currentVersion: typeof body.currentVersion === 'string' ? body.currentVersion : null };
    return refusalOf(response.status, body);
  }
}
