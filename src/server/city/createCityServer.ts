import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { districtPath } from '../../domain/city/cityPage';
import { isCalendarDate } from '../../domain/dates/isCalendarDate';
import { todayIsoDate } from '../../domain/dates/todayIsoDate';
import type { CityFolder } from '../../data/city/readCity';
import { readCityPage } from '../../data/city/readCityPage';
import { GeodataError } from '../../data/fieldReader';
import { createPlanMapServer } from '../createPlanMapServer';
import { sendJson } from '../http/apiResponses';

export interface CityServerOptions {
  /** The built app (vite build output). */
  distDirectory: string;
  city: CityFolder;
}

/** The app opens on the city page with `?mode=city` (src/ui/main.tsx); a bare `/` gets it added. */
export const CITY_MODE = 'city';

function sendText(response: ServerResponse, statusCode: number, text: string): void {
  response.statusCode = statusCode;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(text);
}

function redirect(response: ServerResponse, location: string): void {
  response.statusCode = 302;
  response.setHeader('Location', location);
  response.end();
}

/**
 * One server for a city of districts (PLAN_MAP_CITY). Each district is the single-district server
 * of its geodata folder, read-only, mounted at /d/<id>/: its map, geodata/ and api/ are addressed
 * relative to that page, as the app always addresses them (document.baseURI), so the same build
 * works at / and at /d/<id>/. The city page is the app at /?mode=city, reading /city.json.
 */
export function createCityServer(options: CityServerOptions): Server {
  const { city } = options;
  // Each district server is only ever handed requests, never listens: its request handler is all it is used for.
  const districts = new Map(city.districts.map((district) => [district.id, createPlanMapServer({ distDirectory: options.distDirectory, geodataDirectory: district.geodataDirectory, geodata: district.geodata })]));
  const [firstServer] = districts.values();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const mounted = /^\/d\/([a-z0-9-]+)(\/.*)?$/.exec(url.pathname);
    if (mounted) {
      const [, id = '', rest] = mounted;
      const district = districts.get(id);
      if (!district) return sendText(response, 404, '没有这个区 / No such district');
      // Without the slash the page's relative addresses (geodata/, api/) would leave the district.
      if (rest === undefined) return redirect(response, `/${districtPath(id)}${url.search}`);
      // The path as normalised above, so a dot segment can never step from one district into another.
      request.url = `${rest}${url.search}`;
      district.emit('request', request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed');
    }
    if (url.pathname === '/' && !url.searchParams.has('mode')) {
      url.searchParams.set('mode', CITY_MODE);
      return redirect(response, `/?${url.searchParams.toString()}`);
    }
    if (url.pathname === '/city.json') {
      const date = url.searchParams.get('date') ?? todayIsoDate();
      if (!isCalendarDate(date)) return sendText(response, 400, 'date 须为 YYYY-MM-DD / date must be YYYY-MM-DD');
      try {
        return sendJson(response, 200, await readCityPage(city, date), { 'Cache-Control': 'no-cache' });
      } catch (error) {
        // A district's broken data is named (file and field), so whoever runs the server can fix it.
        if (error instanceof GeodataError) return sendJson(response, 503, { error: 'district-unreadable', message: { zh: `有区的数据无法读取：${error.message}`, en: `a district's data cannot be read: ${error.message}` } });
        throw error;
      }
    }
    // index.html preloads geodata/layers.json for a district's map; the city page has none to give.
    if (url.pathname === '/geodata/layers.json') {
      response.statusCode = 204;
      response.setHeader('Cache-Control', 'no-cache');
      return void response.end();
    }
    // The city has no data or API of its own: those belong to a district, under /d/<id>/.
    if (url.pathname.startsWith('/geodata/') || url.pathname === '/api' || url.pathname.startsWith('/api/')) return sendText(response, 404, 'Not found');
    // The built app itself is the same for every district.
    firstServer?.emit('request', request, response);
  };

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, 'Internal server error');
      else response.destroy();
      console.error(error);
    });
  });
}
