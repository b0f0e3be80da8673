import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountSource } from '../auth/accountSource';
import type { LoginGate, LoginLimits } from '../auth/loginGate';
import type { SessionStore } from '../auth/sessionStore';
import type { TrustedProxies } from '../auth/trustedProxies';
import type { ChangeFeed } from '../events/changeFeed';
import type { GeodataCatalog } from '../store/geodataCatalog';
import type { GeodataReader } from '../../data/geodataReader';
import type { PlanStore } from '../store/planStore';
import type { SaveStep } from '../store/saveSteps';
import type { LayerTileSource } from '../tiles/layerTileSource';

export type ReadAccess = 'open' | 'login';

export interface ApiSettings {
  geodataDirectory: string;
  stateDirectory: string;
  /** "open": anyone may read layers and versions; "login": only signed-in accounts may. */
  readAccess: ReadAccess;
  /**
   * Who may read the audit log: "login" (the default) signed-in accounts only; "open" anyone, when
   * reading is open too. Readers who are not signed in never see user names, here or in versions.
   */
  auditReadAccess: ReadAccess;
  maxUploadBytes: number;
  keepVersions: number;
  watchDebounceMs: number;
  /** Origins besides the server's own that may write (e.g. a reverse proxy's public address). */
  trustedOrigins: string[];
  /** PostgreSQL instead of the files (PLAN_MAP_DATABASE_URL): the connection URL and the district's schema. */
  database?: { url: string; schema: string; oneRowSaveMinProjects?: number };
  /** Crash tests only (PLAN_MAP_TEST_MODE=1): the server kills itself with SIGKILL when a save reaches this step. */
  testKillAtSaveStep?: SaveStep;
  /** Reverse proxies (addresses or subnets) whose X-Forwarded-For / X-Real-IP names the client; see clientAddress.ts. */
  trustedProxies: string[];
  /** Database mode: layers with at least this many projects are drawn from vector tiles (domain/tiles/tiledLayer.ts). */
  tiledLayerMinFeatures: number;
  /** How much password hashing logins may cause; see loginGate.ts. */
  loginLimits: LoginLimits;
}

/** What every route handler gets: the settings and the long-lived parts of the server. */
export interface ApiContext {
  settings: ApiSettings;
  store: PlanStore;
  accounts: AccountSource;
  sessions: SessionStore;
  loginGate: LoginGate;
  trustedProxies: TrustedProxies;
  feed: ChangeFeed;
  /** The district's files, from the folder or the database. */
  geodata: GeodataReader;
  catalog: () => Promise<GeodataCatalog>;
  /** Vector tiles and single projects of layers, in database mode only (docs/tiles.md). */
  tiles?: LayerTileSource;
}

export interface RouteRequest {
  request: IncomingMessage;
  response: ServerResponse;
  /** Decoded path parameters, e.g. { id, version }: untrusted text, to be looked up, never used as a path. */
  params: Record<string, string>;
  query: URLSearchParams;
}

export type RouteHandler = (context: ApiContext, route: RouteRequest) => Promise<void>;
