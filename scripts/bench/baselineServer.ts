/**
 * The baseline page's server: the same kind of local HTTP server as the app's (the app's own
 * serveFile, so the same ETag and no-cache headers), serving the baseline page, maplibre-gl
 * from node_modules, the same geodata folder and the app's bundled font.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { transformWithOxc } from 'vite';
import { resolveInside, serveFile } from '../../src/server/serveFile';
import { projectDirectory } from './paths';

export interface RunningServer {
  baseUrl: string;
  close: () => Promise<void>;
}

const baselineDirectory = resolve(import.meta.dirname, 'baseline');
const maplibreDirectory = resolve(projectDirectory, 'node_modules', 'maplibre-gl', 'dist');

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Cache-Control', 'no-cache');
  response.end(body);
}

/** The page script is TypeScript: strip the types once (no bundling; maplibre-gl comes by import map). */
async function transpiledPageScript(): Promise<string> {
  const source = await readFile(resolve(baselineDirectory, 'main.ts'), 'utf8');
  const result = await transformWithOxc(source, 'main.ts', { lang: 'ts' });
  return result.code;
}

export async function listen(server: import('node:http').Server): Promise<RunningServer> {
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    }),
  };
}

/**
 * `styleJson` is the app's basemap style with its origin replaced by `{origin}`, filled in with
 * this server's origin on each request. With `apiServer`, /api/ requests (vector tiles) are handed
 * to that server's own handler in this process: the baseline draws the very tiles, from the very
 * cache, the app draws, on its own origin (the app's server sends no CORS headers).
 */
export async function startBaselineServer(geodataDirectory: string, styleJson: string, apiServer?: Server): Promise<RunningServer> {
  const script = await transpiledPageScript();
  const fontsDirectory = resolve(projectDirectory, 'dist', 'fonts');
  const server = createServer((request, response) => {
    const handle = async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (apiServer && path.startsWith('/api/')) {
        apiServer.emit('request', request, response);
      } else if (path === '/baseline/' || path === '/baseline/index.html') {
        await serveFile(request, response, resolve(baselineDirectory, 'index.html'), { immutable: false });
      } else if (path === '/baseline/main.js') {
        send(response, 200, 'text/javascript; charset=utf-8', script);
      } else if (path === '/baseline/style.json') {
        send(response, 200, 'application/json; charset=utf-8', styleJson.replaceAll('{origin}', `http://${request.headers.host ?? ''}`));
      } else {
        const [root, prefix] = path.startsWith('/vendor/') ? [maplibreDirectory, '/vendor']
          : path.startsWith('/geodata/') ? [resolve(geodataDirectory), '/geodata']
          : path.startsWith('/fonts/') ? [fontsDirectory, '/fonts'] : [null, ''];
        const filePath = root ? resolveInside(root, path.slice(prefix.length)) : null;
        if (!filePath || !(await serveFile(request, response, filePath, { immutable: false }))) send(response, 404, 'text/plain', 'Not found');
      }
    };
    handle().catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', String(error));
    });
  });
  return listen(server);
}
