/*
 * Many editors saving at once, as a bureau's morning looks: each simulated editor signs in, reads
 * its own project, then for the whole run changes the project's note and saves it
 * (PUT /api/layers/:id/features/:featureId, If-Match its version), as fast as the answers come;
 * readers load the layer meanwhile. Localhost only: it drives the server at a base URL it is given.
 * Used by tests/api/editorLoad.test.ts, which prints the figures.
 */

export interface EditorLoadOptions {
  baseUrl: string;
  layer: string;
  /** One account per editor, each with its own project id. */
  editors: { username: string; password: string; projectId: string }[];
  readers: number;
  durationMs: number;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EditorLoadResult {
  saves: LatencySummary;
  reads: LatencySummary;
  /** Answers other than 200: none in a healthy run (each editor owns its project). */
  failures: { status: number; body: string }[];
  /** Per project, the note of the last save the server acknowledged. */
  lastAcknowledged: Map<string, string>;
  durationMs: number;
}

class Session {
  private cookie = '';
  private csrfToken = '';

  constructor(private readonly baseUrl: string) {}

  async signIn(username: string, password: string): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await fetch(`${this.baseUrl}/api/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: this.baseUrl },
        body: JSON.stringify({ username, password }),
      });
      if (response.status === 200) {
        this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        this.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
        return;
      }
      const waitSeconds = Number(response.headers.get('retry-after'));
      if (!(waitSeconds > 0)) throw new Error(`login as ${username}: ${response.status}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, waitSeconds * 1000));
    }
    throw new Error(`login as ${username}: gave up`);
  }

  async readProject(layer: string, projectId: string): Promise<{ feature: Project; etag: string }> {
    const response = await fetch(`${this.baseUrl}/api/layers/${layer}/features/${encodeURIComponent(projectId)}`, { headers: { Cookie: this.cookie } });
    if (response.status !== 200) throw new Error(`read ${layer}/${projectId}: ${response.status}`);
    return { feature: ((await response.json()) as { feature: Project }).feature, etag: response.headers.get('etag') ?? '' };
  }

  saveProject(layer: string, project: Project, etag: string): Promise<Response> {
    return fetch(`${this.baseUrl}/api/layers/${layer}/features/${encodeURIComponent(project.id)}`, {
      method: 'PUT',
      headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrfToken, Origin: this.baseUrl, 'If-Match': etag, 'Content-Type': 'application/geo+json' },
      body: JSON.stringify(project),
    });
  }
}

interface Project {
  id: string;
  properties: Record<string, unknown>;
}

export function summarise(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? 0 };
}

export async function runEditorLoad(options: EditorLoadOptions): Promise<EditorLoadResult> {
  const sessions = await Promise.all(
    options.editors.map(async (editor) => {
      const session = new Session(options.baseUrl);
      await session.signIn(editor.username, editor.password);
      return { session, editor };
    }),
  );
  const saveLatencies: number[] = [];
  const readLatencies: number[] = [];
  const failures: EditorLoadResult['failures'] = [];
  const lastAcknowledged = new Map<string, string>();
  const started = performance.now();
  const running = (): boolean => performance.now() - started < options.durationMs;

  const editorLoop = async ({ session, editor }: (typeof sessions)[number]): Promise<void> => {
    let { feature, etag } = await session.readProject(options.layer, editor.projectId);
    for (let round = 1; running(); round += 1) {
      const note = `${editor.username} 第${round}次 round ${round}`;
      const edited = { ...feature, properties: { ...feature.properties, note } };
      const sentAt = performance.now();
      const response = await session.saveProject(options.layer, edited, etag);
      const body = await response.text();
      if (response.status === 200) {
        saveLatencies.push(performance.now() - sentAt);
        lastAcknowledged.set(editor.projectId, note);
        feature = edited;
        etag = response.headers.get('etag') ?? '';
      } else {
        failures.push({ status: response.status, body: body.slice(0, 300) });
        ({ feature, etag } = await session.readProject(options.layer, editor.projectId));
      }
    }
  };
  const readerLoop = async (): Promise<void> => {
    while (running()) {
      const sentAt = performance.now();
      const response = await fetch(`${options.baseUrl}/geodata/${options.layer}.geojson`);
      await response.arrayBuffer();
      if (response.status === 200) readLatencies.push(performance.now() - sentAt);
      else failures.push({ status: response.status, body: 'reader' });
    }
  };
  await Promise.all([...sessions.map(editorLoop), ...Array.from({ length: options.readers }, readerLoop)]);
  return { saves: summarise(saveLatencies), reads: summarise(readLatencies), failures, lastAcknowledged, durationMs: performance.now() - started };
}

/** The notes the layer holds now, per project id. */
export function notesIn(text: string): Map<string, unknown> {
  const collection = JSON.parse(text) as { features: { id: string; properties: Record<string, unknown> }[] };
  return new Map(collection.features.map((feature) => [feature.id, feature.properties.note]));
}
