import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountDirectory } from '../auth/accountDirectory';
import type { LoginGate, LoginLimits } from '../auth/loginGate';
import type { SessionStore } from '../auth/sessionStore';
import type { TrustedProxies } from '../auth/trustedProxies';
import type { LayerChangeFeed } from '../events/layerChangeFeed';
import type { GeodataCatalog } from '../store/geodataCatalog';
import type { LayerStore } from '../store/layerStore';

export type ReadAccess = 'open' | 'login';

export interface ApiSettings {
  geodataDirectory: string;
  stateDirectory: string;
  /** "open": anyone may read layers, versions and the audit log; "login": only signed-in accounts may. */
  readAccess: ReadAccess;
  maxUploadBytes: number;
  keepVersions: number;
  watchDebounceMs: number;
  /** Origins besides the server's own that may write (e.g. a reverse proxy's public address). */
  trustedOrigins: string[];
  /** Reverse proxies (addresses or subnets) whose X-Forwarded-For / X-Real-IP names the client; see clientAddress.ts. */
  trustedProxies: string[];
  /** How much password hashing logins may cause; see loginGate.ts. */
  loginLimits: LoginLimits;
}

/** What every route handler gets: the settings and the long-lived parts of the server. */
export interface ApiContext {
  settings: ApiSettings;
  store: LayerStore;
  accounts: AccountDirectory;
  sessions: SessionStore;
  loginGate: LoginGate;
  trustedProxies: TrustedProxies;
  feed: LayerChangeFeed;
  catalog: () => Promise<GeodataCatalog>;
}

export interface RouteRequest {
  request: IncomingMessage;
  response: ServerResponse;
  /** Decoded path parameters, e.g. { id, version }: untrusted text, to be looked up, never used as a path. */
  params: Record<string, string>;
  query: URLSearchParams;
}

export type RouteHandler = (context: ApiContext, route: RouteRequest) => Promise<void>;
