import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPlanMapServer } from '../../../src/server/createPlanMapServer';

export const projectDirectory = resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real server on a free port, serving the built app (npm test builds it first) and a geodata folder. */
export async function startPlanMapServer(geodataDirectory = resolve(projectDirectory, 'geodata')): Promise<RunningServer> {
  const distDirectory = resolve(projectDirectory, 'dist');
  if (!existsSync(resolve(distDirectory, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` (npm test does it first).');
  }
  return listenOnFreePort(createPlanMapServer({ distDirectory, geodataDirectory }));
}

/** Any of the app's servers listening on a free local port, with its address and a close that ends open connections. */
export async function listenOnFreePort(server: Server): Promise<RunningServer> {
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
