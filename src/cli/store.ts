import { join, resolve } from 'node:path';
import { applyMigrations } from '../data/postgres/applyMigrations';
import { DistrictExportError, exportDistrict } from '../data/postgres/exportDistrict';
import { DistrictImportError, importDistrict } from '../data/postgres/importDistrict';
import { openPlanDatabase } from '../data/postgres/planDatabase';
import { redactedDatabaseUrl } from '../data/postgres/redactedDatabaseUrl';
import { writeLayerTileArchives } from '../data/postgres/writeLayerTileArchives';
import { parseStoreArguments } from './storeArguments';
import { validationProblemLine } from './validationProblemLine';

/*
 * npm run --silent store -- import <dir> --to <url> | export --from <url> <dir> | migrate --to <url>
 * | tiles --from <url> <dir>. Moves a district between the file store and PostgreSQL
 * (docs/database.md); `tiles` writes the tiled layers' tiles as PMTiles archives (docs/tiles.md). Exit 0 done, 1 the
 * data was refused (nothing written), 2 usage or connection errors.
 */
async function main(): Promise<number> {
  const parsed = parseStoreArguments(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    return 2;
  }
  const command = parsed.value;
  const database = openPlanDatabase(command.url, command.schema, 2);
  const where = `${redactedDatabaseUrl(command.url)} (schema ${command.schema})`;
  try {
    if (command.action === 'migrate') {
      const applied = await applyMigrations(database);
      console.log(applied.length > 0 ? `✓ 已应用 / applied: ${applied.join(', ')}` : '✓ 数据库已是最新 / the schema is up to date');
    } else if (command.action === 'import') {
      const imported = await importDistrict(resolve(command.directory), database, { replace: command.replace });
      console.log(`✓ ${command.directory} → ${where}: ${imported.layers} 个图层 layers, ${imported.features} 个项目 projects, ${imported.documents} 个文档 documents, ${imported.files} 个其他文件 other files`);
    } else if (command.action === 'tiles') {
      const written = await writeLayerTileArchives(database, resolve(command.directory), command.tiledFrom);
      if (written.length === 0) console.log(`✓ ${where}: 没有 ${command.tiledFrom} 个项目以上的图层 / no layer has ${command.tiledFrom} projects or more`);
      for (const archive of written) console.log(`✓ ${archive.layer} → ${join(command.directory, archive.file)}: ${archive.tiles} 个切片 tiles, ${(archive.bytes / 1024 / 1024).toFixed(1)} MB (revision ${archive.revision})`);
    } else {
      const exported = await exportDistrict(database, resolve(command.directory));
      console.log(`✓ ${where} → ${command.directory}: ${exported.files} 个文件 files`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DistrictImportError) {
      console.error(`✗ ${error.message}`);
      for (const problem of error.problems.slice(0, 50)) console.error(`  ${validationProblemLine(problem)}`);
      return 1;
    }
    if (error instanceof DistrictExportError) {
      console.error(`✗ ${error.message}`);
      return 1;
    }
    console.error(`✗ ${where}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await database.pool.end();
  }
}

process.exitCode = await main();
