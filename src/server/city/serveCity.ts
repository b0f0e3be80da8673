import type { AddressInfo } from 'node:net';
import { readCity } from '../../data/city/readCity';
import { createCityServer } from './createCityServer';

interface CityListenOptions {
  cityDirectory: string;
  /** PLAN_MAP_DATABASE_URL, for districts kept as schemas of the database. */
  databaseUrl?: string;
  distDirectory: string;
  port: number;
  host: string;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * `PLAN_MAP_CITY=<folder> npm start`: serves the city until the process ends. The districts are
 * served read-only (editing stays with a single-district server per district), so none of the
 * state folder, accounts or API of main.ts is started.
 */
export async function serveCity(options: CityListenOptions): Promise<never> {
  const city = await readCity(options.cityDirectory, options.databaseUrl).catch((error: unknown) =>
    fail(`无法读取城市配置 / cannot read the city: ${error instanceof Error ? error.message : String(error)}`));
  const server = createCityServer({ distDirectory: options.distDirectory, city });
  server.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用 / Port ${options.port} is in use: try PORT=8081` : error.message));
  server.listen(options.port, options.host, () => {
    const port = (server.address() as AddressInfo).port;
    const host = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;
    console.log(`规划一张图 Plan Map · ${city.name.zh} ${city.name.en}: http://${host}:${port}/`);
    for (const district of city.districts) console.log(`  ${district.name.zh} ${district.name.en}: http://${host}:${port}/d/${district.id}/  (${district.source})`);
    console.log('各区只读；编辑请用单区服务器 / Districts are read-only here; edit each with its own single-district server');
  });
  return new Promise<never>(() => undefined);
}
