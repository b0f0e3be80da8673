import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { relative, resolve, sep } from 'node:path';
import { createPlanMapApi, type PlanMapApi, type PlanMapApiOptions } from './api/createPlanMapApi';
import { resolveInside, sendVersioned, serveFile } from './serveFile';
import { contentTypeOf } from './contentTypes';
import { contentVersionOf, etagOf } from '../data/contentVersion';
import { directoryGeodataReader, type GeodataReader } from '../data/geodataReader';
import { serveByteRanges } from './serveByteRanges';
import { LAYER_PARTS_HEADER, LayerPartsCache } from './layerPartsCache';
import { PLAN_EVENTS_HEADER } from '../data/planEventsHeader';
import { TILED_LAYERS_HEADER } from '../data/tiledLayersHeader';
import { WHOLE_TILED_LAYER_MESSAGE } from './routes/refuseWholeTiledLayer';
import { SAVED_DOCUMENTS } from './documents/savedDocuments';
import { DOCUMENT_FILES } from '../data/storedDocuments';

export interface PlanMapServerOptions {
  /** The built app (vite build output). */
  distDirectory: string;
  /** The district's data: layers.json, <layer-id>.geojson, basemap/. Read on every request, so edits on disk show on reload. */
  geodataDirectory: string;
  /**
   * Turns on the /api/ routes (layers with versions, saves, login, audit, events); server state
   * (accounts, audit log, earlier versions) lives in this folder. Without it the server only reads.
   */
  stateDirectory?: string;
  /** Where the district's files are read when no API is started (a read-only district of a city kept in the database); the folder by default. */
  geodata?: GeodataReader;
  /** Further API settings (read access, upload limit, versions kept, ...); see ApiSettings. */
  api?: Omit<PlanMapApiOptions, 'geodataDirectory' | 'stateDirectory'>;
}

/** The HTTP server, with the API it runs when a state folder is given. */
export interface PlanMapServer extends Server {
  api?: PlanMapApi;
}

/** The geodata files only signed-in editors and admins read, compared by resolved path so no spelling of the URL slips past. */
const EDITORS_ONLY = DOCUMENT_FILES.filter((name) => SAVED_DOCUMENTS[name].readers === 'editors');

function sendText(response: ServerResponse, statusCode: number, text: string): void {
  response.statusCode = statusCode;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(text);
}

/** A file of the district, from the folder or the database, under its content version; false when there is none. */
async function serveGeodataFile(request: IncomingMessage, response: ServerResponse, geodata: GeodataReader, path: string): Promise<boolean> {
  const bytes = await geodata.read(path);
  if (!bytes) return false;
  sendVersioned(request, response, bytes, { etag: etagOf(contentVersionOf(bytes)), contentType: contentTypeOf(path), cacheControl: 'no-cache' });
  return true;
}

/** One HTTP server for the built app, the geodata it shows and, given a state folder, the API that edits it. */
export function createPlanMapServer(options: PlanMapServerOptions): PlanMapServer {
  const distDirectory = resolve(options.distDirectory);
  const geodataDirectory = resolve(options.geodataDirectory);
  const api = options.stateDirectory
    ? createPlanMapApi({ ...options.api, geodataDirectory, stateDirectory: options.stateDirectory })
    : undefined;
  const geodata = api?.geodata ?? options.geodata ?? directoryGeodataReader(geodataDirectory);
  const layerParts = new LayerPartsCache(geodata);
  const server: PlanMapServer = createServer((request, response) => {
    const handle = async () => {
      const rawUrl = request.url ?? '/';
      if (rawUrl === '/api' || rawUrl.startsWith('/api/') || rawUrl.startsWith('/api?')) {
        if (api) await api.handle(request, response);
        else sendText(response, 404, 'Not found: the API runs only with a state folder (PLAN_MAP_STATE)');
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        sendText(response, 405, 'Method not allowed');
        return;
      }
      // Appended to an origin, not resolved against one: a path like "//x" would read as a host.
      const urlPath = new URL(`http://localhost${rawUrl.startsWith('/') ? rawUrl : `/${rawUrl}`}`).pathname;
      if (urlPath.startsWith('/geodata/')) {
        if (api && !(await api.mayRead(request))) {
          sendText(response, 401, '请先登录 / Please log in first');
          return;
        }
        const wholeLayer = /^\/geodata\/([a-z0-9-]+)\.(parts|geojson)$/.exec(urlPath)?.[1];
        if (wholeLayer && api && (await api.wholeLayerRefused(wholeLayer))) {
          sendText(response, 413, `${WHOLE_TILED_LAYER_MESSAGE.zh} / ${WHOLE_TILED_LAYER_MESSAGE.en}`);
          return;
        }
        const partsOf = /^\/geodata\/([a-z0-9-]+)\.parts$/.exec(urlPath)?.[1];
        if (partsOf && (await layerParts.serve(request, response, partsOf))) return;
        if (urlPath === '/geodata/layers.json') {
          response.setHeader(LAYER_PARTS_HEADER, '1');
          if (api) response.setHeader(PLAN_EVENTS_HEADER, '1');
          const tiled = api ? await api.tiledLayerIds() : [];
          if (tiled.length > 0) response.setHeader(TILED_LAYERS_HEADER, tiled.join(','));
        }
        const filePath = resolveInside(geodataDirectory, urlPath.slice('/geodata'.length));
        if (filePath && EDITORS_ONLY.some((name) => filePath === resolve(geodataDirectory, name))) {
          // Without the API nobody can sign in, so nobody reads it.
          const reader = api ? await api.editorReader(request) : 'none';
          if (reader !== 'editor') {
            sendText(response, reader === 'none' && api ? 401 : 403, reader === 'none' && api ? '请先登录 / Please log in first' : '只有编辑人员可以查看 / Only editors may read this file');
            return;
          }
        }
        // A vector basemap archive is read piece by piece (pmtiles), and may be far too large to read whole.
        if (filePath?.endsWith('.pmtiles') && (await serveByteRanges(request, response, filePath))) return;
        if (filePath && (await serveGeodataFile(request, response, geodata, relative(geodataDirectory, filePath).split(sep).join('/')))) return;
        if (urlPath === '/geodata/tour.json') {
          // The tour is optional: no tour is an answer, not an error the browser logs.
          response.statusCode = 204;
          response.setHeader('Cache-Control', 'no-cache');
          response.end();
          return;
        }
        sendText(response, 404, 'Not found');
        return;
      }
      const filePath = resolveInside(distDirectory, urlPath === '/' ? '/index.html' : urlPath);
      const immutable = urlPath.startsWith('/assets/');
      if (filePath && (await serveFile(request, response, filePath, { immutable }))) return;
      // Unknown paths get the app, so a shared link with any path still opens the map.
      if (await serveFile(request, response, resolve(distDirectory, 'index.html'), { immutable: false })) return;
      sendText(response, 404, 'Not found: run `npm run build` first');
    };
    handle().catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, 'Internal server error');
      else response.destroy();
      console.error(error);
    });
  });
  // After listen() the first page finds the layers ready; a broken layer is left for that page to report.
  server.once('listening', () => {
    // A tiled layer is never sent whole: preparing its parts would cost a minute per million projects.
    void (async () => layerParts.warm(new Set(api ? await api.tiledLayerIds() : [])))().catch(() => undefined);
  });
  if (api) {
    server.api = api;
    server.on('close', () => void api.close());
  }
  return server;
}
