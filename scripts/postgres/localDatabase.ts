import { resolve } from 'node:path';
import { startPostgresCluster, stopPostgresCluster } from './postgresCluster';

/*
 * npm run db -- start | stop
 * A PostgreSQL/PostGIS of its own in .plan-map-db/ (localhost only, no password), for trying the
 * database mode on one machine: `start` prints the URL and the commands that put the bundled
 * district in and start the map on it. Bureaus use their own PostgreSQL (docs/database.md).
 */
const directory = resolve(import.meta.dirname, '../../.plan-map-db');
const PORT = Number(process.env.PLAN_MAP_DB_PORT ?? 54329);

const action = process.argv[2];
if (action === 'start') {
  const cluster = await startPostgresCluster(directory, PORT).catch((error: unknown) => {
    console.error(`✗ 无法启动 PostgreSQL / could not start PostgreSQL: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    console.error(`  日志 / log: ${resolve(directory, 'server.log')}; 端口被占用时 / if port ${PORT} is taken: PLAN_MAP_DB_PORT=<port> npm run db -- start`);
    process.exit(1);
  });
  console.log(`✓ PostgreSQL + PostGIS: ${cluster.url}  (${directory})`);
  console.log('把示例城区导入数据库 / put the bundled district in:');
  console.log(`  npm run --silent store -- import geodata --to ${cluster.url}`);
  console.log('在数据库上启动地图 / start the map on it:');
  console.log(`  PLAN_MAP_DATABASE_URL=${cluster.url} npm start`);
} else if (action === 'stop') {
  await stopPostgresCluster(directory, { remove: false });
  console.log(`✓ stopped (data kept in ${directory})`);
} else {
  console.error('用法 / usage: npm run db -- start | stop');
  process.exitCode = 2;
}
