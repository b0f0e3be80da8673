/** A browser-like API client: keeps the session cookie and sends the CSRF token with writes. */
export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  /** The `name=value` of the session cookie, for requests made without this client. */
  get sessionCookie(): string {
    return this.cookie ?? '';
  }

  constructor(readonly baseUrl: string) {}

  /** The same browser, its cookie and token, reaching another server (as a proxy in front of several would send it). */
  at(baseUrl: string): ApiClient {
    const other = new ApiClient(baseUrl);
    other.cookie = this.cookie;
    other.csrfToken = this.csrfToken;
    return other;
  }

  async login(username: string, password: string): Promise<Response> {
    const response = await this.request('POST', '/api/login', { body: JSON.stringify({ username, password }), headers: { 'Content-Type': 'application/json' } });
    const setCookie = response.headers.get('set-cookie');
    if (response.status === 200 && setCookie) {
      this.cookie = setCookie.split(';')[0];
      this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return response;
  }

  async request(method: string, path: string, options: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    return fetch(`${this.baseUrl}${path}`, { method, headers, body: options.body });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', path, { headers });
  }

  /** A write as the app makes it: session cookie, X-CSRF-Token and the server's own Origin. */
  write(method: string, path: string, body: string | Uint8Array<ArrayBuffer> | undefined, headers: Record<string, string> = {}): Promise<Response> {
    const csrf: Record<string, string> = this.csrfToken ? { 'X-CSRF-Token': this.csrfToken } : {};
    return this.request(method, path, { body, headers: { Origin: this.baseUrl, ...csrf, ...headers } });
  }

  /** GET a layer: its text and version (the ETag without quotes). */
  async layer(layerId: string): Promise<{ text: string; version: string; etag: string }> {
    const response = await this.get(`/api/layers/${layerId}`);
    if (response.status !== 200) throw new Error(`GET ${layerId}: ${response.status}`);
    const etag = response.headers.get('etag') ?? '';
    return { text: await response.text(), version: etag.replaceAll('"', ''), etag };
  }

  putLayer(layerId: string, body: string | Uint8Array<ArrayBuffer>, etag: string | undefined, query = ''): Promise<Response> {
    return this.write('PUT', `/api/layers/${layerId}${query}`, body, etag ? { 'If-Match': etag, 'Content-Type': 'application/geo+json' } : { 'Content-Type': 'application/geo+json' });
  }
}
