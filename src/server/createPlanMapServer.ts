import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { resolveInside, serveFile } from './serveFile';

export interface PlanMapServerOptions {
  /** The built app (vite build output). */
  distDirectory: string;
  /** The district's data: layers.json, <layer-id>.geojson, basemap/. Read on every request, so edits on disk show on reload. */
  geodataDirectory: string;
}

function sendText(response: import('node:http').ServerResponse, statusCode: number, text: string): void {
  response.statusCode = statusCode;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(text);
}

/** One HTTP server for the built app and the geodata it shows. */
export function createPlanMapServer(options: PlanMapServerOptions): Server {
  const distDirectory = resolve(options.distDirectory);
  const geodataDirectory = resolve(options.geodataDirectory);
  return createServer((request, response) => {
    const handle = async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        sendText(response, 405, 'Method not allowed');
        return;
      }
      const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (urlPath.startsWith('/geodata/')) {
        const filePath = resolveInside(geodataDirectory, urlPath.slice('/geodata'.length));
        if (filePath && (await serveFile(request, response, filePath, { immutable: false }))) return;
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
      console.error(error);
    });
  });
}
