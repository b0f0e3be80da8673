import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AccountSource } from '../auth/accountSource';
import { DEFAULT_LOGIN_LIMITS } from '../auth/loginGate';
import { signedInUser } from '../auth/requestAuth';
import { TrustedProxies } from '../auth/trustedProxies';
import { LayerChangeFeed } from '../events/layerChangeFeed';
import { NOT_FOUND, sendError } from '../http/apiResponses';
import { CatalogUnavailableError, readGeodataCatalog } from '../store/geodataCatalog';
import { LayerStore } from '../store/layerStore';
import type { PlanStore, StartupReport } from '../store/planStore';
import { directoryGeodataReader, type GeodataReader } from '../../data/geodataReader';
import type { ChangeFeed } from '../events/changeFeed';
import { openPlanDatabase } from '../../data/postgres/planDatabase';
import { postgresGeodataReader } from '../../data/postgres/postgresGeodataReader';
import { PostgresChangeFeed } from '../postgres/postgresChangeFeed';
import { PostgresStore } from '../postgres/postgresStore';
import { killProcessAtStep } from '../store/saveSteps';
import { stateLayoutOf } from '../store/stateLayout';
import { catalogByVersion } from '../store/catalogByVersion';
import { editorReaderOf } from './accessGuards';
import { getAudit } from '../routes/auditRoute';
import { getDocument, getDocumentVersion, listDocumentVersions, putDocument, restoreDocumentVersion } from '../routes/documentRoutes';
import { isDocumentFile } from '../../data/storedDocuments';
import { getSession, login, logout } from '../routes/authRoutes';
import { streamEvents } from '../routes/eventsRoute';
import { getLayer, listLayers, putLayer } from '../routes/layerRoutes';
import { deleteFeature, getFeature, putFeature } from '../routes/featureRoutes';
import { getLayerTile } from '../routes/tileRoutes';
import { getLayerStats } from '../routes/layerStatsRoute';
import { searchLayer } from '../routes/layerSearchRoute';
import { getLayerDays } from '../routes/layerDaysRoute';
import { LayerTiles } from '../tiles/layerTiles';
import { ArchiveTiles } from '../tiles/archiveTiles';
import { tiledLayerIds } from '../tiles/tiledLayerIds';
import { TILED_LAYER_MIN_FEATURES } from '../../domain/tiles/tiledLayer';
import { getVersion, listVersions, restoreVersion } from '../routes/versionRoutes';
import type { ApiContext, ApiSettings, RouteHandler } from './apiContext';
import { authStoresFor } from './authStores';

export type PlanMapApiOptions = Pick<ApiSettings, 'geodataDirectory' | 'stateDirectory'> & Partial<ApiSettings>;

export interface PlanMapApi {
  /** Answers a request whose raw path starts with /api/. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Resolves once the store has repaired what a crash left and the watcher runs; says what it repaired. */
  ready: Promise<StartupReport>;
  /** Whether the request may read plan data (always, unless read access is "login"). */
  mayRead(request: IncomingMessage): Promise<boolean>;
  /** Whether the request is from a signed-in editor or admin, who alone read the documents kept from other readers. */
  editorReader(request: IncomingMessage): Promise<'editor' | 'viewer' | 'none'>;
  /** The district's files as this API stores them: the folder, or the database. */
  geodata: GeodataReader;
  /** The accounts as this API reads them: accounts.json, or the database's (once `ready`). */
  accounts: AccountSource;
  /** The layers drawn from vector tiles now (none unless in database mode), after `ready`. */
  tiledLayerIds(): Promise<string[]>;
  /** Whether a layer's whole file may not be read (a tiled layer in the database: refuseWholeTiledLayer). */
  wholeLayerRefused(layerId: string): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const DEFAULT_KEEP_VERSIONS = 20;

interface Route {
  method: string;
  /** Segments after /api/; ":name" captures one decoded segment. */
  pattern: string[];
  handler: RouteHandler;
}

const ROUTES: Route[] = [
  { method: 'GET', pattern: ['session'], handler: getSession },
  { method: 'POST', pattern: ['login'], handler: login },
  { method: 'POST', pattern: ['logout'], handler: logout },
  { method: 'GET', pattern: ['layers'], handler: listLayers },
  { method: 'GET', pattern: ['layers', ':id'], handler: getLayer },
  { method: 'PUT', pattern: ['layers', ':id'], handler: putLayer },
  { method: 'GET', pattern: ['layers', ':id', 'features', ':featureId'], handler: getFeature },
  { method: 'PUT', pattern: ['layers', ':id', 'features', ':featureId'], handler: putFeature },
  { method: 'DELETE', pattern: ['layers', ':id', 'features', ':featureId'], handler: deleteFeature },
  { method: 'GET', pattern: ['layers', ':id', 'tiles', ':z', ':x', ':y'], handler: getLayerTile },
  { method: 'GET', pattern: ['layers', ':id', 'stats'], handler: getLayerStats },
  { method: 'GET', pattern: ['layers', ':id', 'search'], handler: searchLayer },
  { method: 'GET', pattern: ['layers', ':id', 'stats', 'days'], handler: getLayerDays },
  { method: 'GET', pattern: ['layers', ':id', 'versions'], handler: listVersions },
  { method: 'GET', pattern: ['layers', ':id', 'versions', ':version'], handler: getVersion },
  { method: 'POST', pattern: ['layers', ':id', 'versions', ':version', 'restore'], handler: restoreVersion },
  { method: 'GET', pattern: ['documents', ':name'], handler: getDocument },
  { method: 'PUT', pattern: ['documents', ':name'], handler: putDocument },
  { method: 'GET', pattern: ['documents', ':name', 'versions'], handler: listDocumentVersions },
  { method: 'GET', pattern: ['documents', ':name', 'versions', ':version'], handler: getDocumentVersion },
  { method: 'POST', pattern: ['documents', ':name', 'versions', ':version', 'restore'], handler: restoreDocumentVersion },
  { method: 'GET', pattern: ['audit'], handler: getAudit },
  { method: 'GET', pattern: ['events'], handler: streamEvents },
];

/**
 * Splits the raw request path, before any dot-segment normalisation, so `/api/layers/../x`
 * stays a request for a layer named ".." (and gets 404) instead of turning into another path.
 */
function segmentsOf(rawUrl: string): string[] | undefined {
  const path = rawUrl.split('?', 1)[0] ?? '';
  try {
    return path.slice('/api/'.length).split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

export function createPlanMapApi(options: PlanMapApiOptions): PlanMapApi {
  const settings: ApiSettings = {
    readAccess: 'open',
    auditReadAccess: 'login',
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
    keepVersions: DEFAULT_KEEP_VERSIONS,
    watchDebounceMs: 200,
    trustedOrigins: [],
    trustedProxies: [],
    loginLimits: DEFAULT_LOGIN_LIMITS,
    tiledLayerMinFeatures: TILED_LAYER_MIN_FEATURES,
    ...options,
  };
  settings.geodataDirectory = resolve(settings.geodataDirectory);
  settings.stateDirectory = resolve(settings.stateDirectory);
  const layout = stateLayoutOf(settings.stateDirectory);
  const database = settings.database ? openPlanDatabase(settings.database.url, settings.database.schema) : undefined;
  const geodata = database ? postgresGeodataReader(database, settings.geodataDirectory) : directoryGeodataReader(settings.geodataDirectory);
  // The database's change keys are content versions, so its catalog can be kept until one changes.
  const catalog = database ? catalogByVersion(geodata) : () => readGeodataCatalog(geodata);
  const onStep = settings.testKillAtSaveStep ? { onStep: killProcessAtStep(settings.testKillAtSaveStep) } : {};
  let feed: ChangeFeed;
  let store: PlanStore;
  if (database) {
    feed = new PostgresChangeFeed(database);
    const oneRow = settings.database?.oneRowSaveMinProjects;
    store = new PostgresStore({ database, keepVersions: settings.keepVersions, ...onStep, ...(oneRow === undefined ? {} : { oneRowSaveMinProjects: oneRow }) });
  } else {
    const fileFeed = new LayerChangeFeed({
      geodataDirectory: settings.geodataDirectory,
      layerIds: async () => (await catalog().catch(() => null))?.manifest.layers.map((layer) => layer.id) ?? [],
      debounceMs: settings.watchDebounceMs,
    });
    feed = fileFeed;
    store = new LayerStore({
      geodataDirectory: settings.geodataDirectory,
      layout,
      keepVersions: settings.keepVersions,
      onSaved: (key, version) => fileFeed.publish(isDocumentFile(key) ? { document: key, version } : { layer: key, version }),
      ...onStep,
    });
  }
  const context: ApiContext = {
    settings,
    store,
    ...authStoresFor(settings, database),
    trustedProxies: new TrustedProxies(settings.trustedProxies),
    feed,
    geodata,
    catalog,
    tiles: database ? new LayerTiles(database.pool) : new ArchiveTiles(settings.geodataDirectory),
  };
  const ready = (async () => {
    const report = await store.prepare();
    await feed.start();
    return report;
  })();
  // Requests await `ready` and fail on their own; this keeps a failed start from being an unhandled rejection.
  ready.catch(() => undefined);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    await ready;
    const segments = segmentsOf(request.url ?? '');
    const candidates = segments ? ROUTES.flatMap((route) => (match(route.pattern, segments) ? [route] : [])) : [];
    if (candidates.length === 0) {
      sendError(response, 404, 'not-found', NOT_FOUND);
      return;
    }
    const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
    const route = candidates.find((candidate) => candidate.method === method);
    if (!route || !segments) {
      sendError(response, 405, 'method-not-allowed', { zh: '不支持此请求方法', en: 'method not allowed' }, {}, { Allow: candidates.map((candidate) => candidate.method).join(', ') });
      return;
    }
    const query = new URLSearchParams((request.url ?? '').split('?').slice(1).join('?'));
    try {
      await route.handler(context, { request, response, params: match(route.pattern, segments) ?? {}, query });
    } catch (error) {
      if (error instanceof CatalogUnavailableError) {
        if (!response.headersSent) sendError(response, 503, 'manifest-unreadable', { zh: 'layers.json 无法读取，请检查数据目录', en: 'layers.json cannot be read; check the data folder' });
        return;
      }
      throw error;
    }
  };

  // Sessions may live in tables that the store's migrations make: nothing reads them before it is ready.
  const mayRead = async (request: IncomingMessage): Promise<boolean> => {
    if (settings.readAccess === 'open') return true;
    await ready;
    return (await signedInUser(request, context.sessions, context.accounts)) !== undefined;
  };
  const editorReader = async (request: IncomingMessage): Promise<'editor' | 'viewer' | 'none'> => {
    await ready;
    return editorReaderOf(context, request);
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await feed.close();
      await database?.pool.end();
    })();
    return closing;
  };
  const tiledLayers = async (): Promise<string[]> => {
    await ready;
    return tiledLayerIds(context);
  };
  const wholeLayerRefused = async (layerId: string): Promise<boolean> => {
    await ready;
    const { tiles } = context;
    return tiles?.kind === 'database' && (await tiles.drawsTiled(layerId, settings.tiledLayerMinFeatures));
  };
  return { handle, ready, mayRead, editorReader, geodata, accounts: context.accounts, tiledLayerIds: tiledLayers, wholeLayerRefused, close };
}
