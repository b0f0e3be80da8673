import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCity } from '../../src/data/city/readCity';
import { createCityServer } from '../../src/server/city/createCityServer';
import { listenOnFreePort, projectDirectory, type RunningServer } from '../e2e/support/startPlanMapServer';

export { projectDirectory };
export const SAMPLE_CITY_DIRECTORY = resolve(projectDirectory, 'geodata-city');
export type RunningCityServer = RunningServer;

/** The real city server on a free port, serving the built app and the bundled sample city (geodata-city/). */
export async function startCityServer(cityDirectory = SAMPLE_CITY_DIRECTORY): Promise<RunningCityServer> {
  const distDirectory = resolve(projectDirectory, 'dist');
  if (!existsSync(resolve(distDirectory, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` (npm test does it first).');
  return listenOnFreePort(createCityServer({ distDirectory, city: await readCity(cityDirectory) }));
}
