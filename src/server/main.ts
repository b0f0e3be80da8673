import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { mayEdit } from '../data/accounts/account';
import { createPlanMapServer } from './createPlanMapServer';
import { serverSettingsFromEnv, SettingsError } from './serverSettingsFromEnv';
import { startupReportLines } from './startupReportLines';
import { redactedDatabaseUrl } from '../data/postgres/redactedDatabaseUrl';
import { serveCity } from './city/serveCity';

const projectDirectory = resolve(import.meta.dirname, '../..');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let settings;
try {
  settings = serverSettingsFromEnv(process.env, projectDirectory);
} catch (error) {
  fail(error instanceof SettingsError ? error.message : String(error));
}
const { port, host, geodataDirectory, stateDirectory } = settings;
// A city serves its districts read-only and never returns: none of what follows runs for it.
if (settings.cityDirectory !== undefined) await serveCity({ cityDirectory: settings.cityDirectory, distDirectory: resolve(projectDirectory, 'dist'), port, host, ...(settings.database ? { databaseUrl: settings.database.url } : {}) });

const server = createPlanMapServer({
  distDirectory: resolve(projectDirectory, 'dist'),
  geodataDirectory,
  stateDirectory,
  api: {
    readAccess: settings.readAccess,
    auditReadAccess: settings.auditReadAccess,
    ...(settings.testKillAtSaveStep ? { testKillAtSaveStep: settings.testKillAtSaveStep } : {}),
    maxUploadBytes: settings.maxUploadBytes,
    keepVersions: settings.keepVersions,
    trustedOrigins: settings.trustedOrigins,
    trustedProxies: settings.trustedProxies,
    loginLimits: settings.loginLimits,
    ...(settings.database ? { database: settings.database } : {}),
    ...(settings.tiledLayerMinFeatures !== undefined ? { tiledLayerMinFeatures: settings.tiledLayerMinFeatures } : {}),
  },
});
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`端口 ${port} 已被占用。请用 PORT=8081 npm start 换一个端口。 / Port ${port} is in use: try PORT=8081 npm start.`);
  fail(error.message);
});

try {
  const report = await server.api?.ready;
  for (const line of report ? startupReportLines(report) : []) console.log(line);
} catch (error) {
  fail(`无法使用状态目录 ${stateDirectory} / cannot use the state folder ${stateDirectory}: ${error instanceof Error ? error.message : String(error)}`);
}

const accounts = (await server.api?.accounts.all().catch(() => [])) ?? [];
const editors = accounts.filter((account) => mayEdit(account.role)).length;

server.listen(port, host, () => {
  const actualPort = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  console.log(`规划一张图 Plan Map: http://${shownHost}:${actualPort}/`);
  if (settings.database) console.log(`数据库 Database: ${redactedDatabaseUrl(settings.database.url)} (schema ${settings.database.schema}); 底图 basemap files: ${geodataDirectory}`);
  else console.log(`数据目录 Data: ${geodataDirectory}`);
  if (settings.database) console.log('账号、会话与登录限制在数据库中，多台服务器可共用 / Accounts, sessions and sign-in limits: in the database, shared by every server on it');
  else console.log(`状态目录（账号、审计记录、历史版本） State (accounts, audit log, versions): ${stateDirectory}`);
  console.log(`浏览 Reading: ${settings.readAccess === 'open' ? '公开 open to all' : '须登录 login required'}`);
  console.log(`审计日志 Audit log: ${settings.readAccess === 'open' && settings.auditReadAccess === 'open' ? '公开，不显示用户名 open to all, without user names' : '须登录 login required'}`);
  if (editors > 0) console.log(`编辑账号 Editor accounts: ${editors}`);
  else console.log('尚无编辑账号，无法保存修改。请运行 npm run accounts -- add <用户名> 创建。 / No editor account yet, so nobody can save: run npm run accounts -- add <name> to create one.');
});
