import { resolve } from 'node:path';
import { createPlanMapServer } from '../../src/server/createPlanMapServer';
import { listen, type RunningServer } from './baselineServer';
import { projectDirectory } from './paths';

/** The app's real server (its public entry point) on a free port, over any geodata folder. */
export function startAppServer(geodataDirectory: string): Promise<RunningServer> {
  return listen(createPlanMapServer({ distDirectory: resolve(projectDirectory, 'dist'), geodataDirectory }));
}
