import { resolve } from 'node:path';
import { createPlanMapServer } from './createPlanMapServer';

const projectDirectory = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const geodataDirectory = resolve(process.env.PLAN_MAP_GEODATA ?? resolve(projectDirectory, 'geodata'));

const server = createPlanMapServer({ distDirectory: resolve(projectDirectory, 'dist'), geodataDirectory });
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`端口 ${port} 已被占用。请用 PORT=8081 npm start 换一个端口。 / Port ${port} is in use: try PORT=8081 npm start.`);
  } else {
    console.error(error.message);
  }
  process.exit(1);
});
server.listen(port, host, () => {
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  console.log(`规划一张图 Plan Map: http://${shownHost}:${port}/`);
  console.log(`数据目录 Data: ${geodataDirectory}`);
});
