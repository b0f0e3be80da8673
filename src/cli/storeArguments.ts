import { DEFAULT_DATABASE_SCHEMA, isSchemaName } from '../data/postgres/planDatabase';
import { TILED_LAYER_MIN_FEATURES } from '../domain/tiles/tiledLayer';

export const STORE_USAGE = `用法 / usage:
  npm run --silent store -- import <geodata 目录 dir> --to <postgres://…> [--schema ${DEFAULT_DATABASE_SCHEMA}] [--replace]
  npm run --silent store -- export --from <postgres://…> [--schema ${DEFAULT_DATABASE_SCHEMA}] <空目录 empty dir>
  npm run --silent store -- migrate --to <postgres://…> [--schema ${DEFAULT_DATABASE_SCHEMA}]
  npm run --silent store -- tiles --from <postgres://…> [--schema ${DEFAULT_DATABASE_SCHEMA}] [--tiled-from ${TILED_LAYER_MIN_FEATURES}] <geodata 目录 dir>`;

export type StoreCommand =
  | { action: 'import'; directory: string; url: string; schema: string; replace: boolean }
  | { action: 'export'; directory: string; url: string; schema: string }
  | { action: 'migrate'; url: string; schema: string }
  /** Writes each tiled layer's tiles as <directory>/tiles/<layer>.pmtiles: a static copy the file store serves. */
  | { action: 'tiles'; directory: string; url: string; schema: string; tiledFrom: number };

/** The store command's words, or what is wrong with them. */
export function parseStoreArguments(argv: readonly string[]): { ok: true; value: StoreCommand } | { ok: false; message: string } {
  const [action, ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string>();
  let replace = false;
  for (let index = 0; index < rest.length; index += 1) {
    const word = rest[index] ?? '';
    if (word === '--replace') replace = true;
    else if (word === '--to' || word === '--from' || word === '--schema' || word === '--tiled-from') {
      const value = rest[index + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${word} 后须给出取值 / ${word} needs a value\n${STORE_USAGE}` };
      flags.set(word, value);
      index += 1;
    } else if (word.startsWith('--')) return { ok: false, message: `未知选项 / unknown option: ${word}\n${STORE_USAGE}` };
    else positional.push(word);
  }
  const schema = flags.get('--schema') ?? DEFAULT_DATABASE_SCHEMA;
  if (!isSchemaName(schema)) return { ok: false, message: `--schema 须为小写字母、数字和下划线 / --schema must be lower-case letters, digits and underscores: ${schema}` };
  const reads = action === 'export' || action === 'tiles';
  const url = reads ? flags.get('--from') : flags.get('--to');
  const urlFlag = reads ? '--from' : '--to';
  if (action !== 'import' && action !== 'export' && action !== 'migrate' && action !== 'tiles') return { ok: false, message: STORE_USAGE };
  const tiledFrom = Number(flags.get('--tiled-from') ?? TILED_LAYER_MIN_FEATURES);
  if (flags.has('--tiled-from') && action !== 'tiles') return { ok: false, message: `--tiled-from 只用于 tiles / --tiled-from is for tiles only\n${STORE_USAGE}` };
  if (!Number.isInteger(tiledFrom) || tiledFrom < 1) return { ok: false, message: `--tiled-from 须为正整数 / --tiled-from must be a whole number above 0\n${STORE_USAGE}` };
  if (!url || !/^postgres(ql)?:\/\//.test(url)) return { ok: false, message: `${urlFlag} 须为 postgres:// 地址 / ${urlFlag} must be a postgres:// URL\n${STORE_USAGE}` };
  if (action === 'migrate') return positional.length === 0 ? { ok: true, value: { action, url, schema } } : { ok: false, message: STORE_USAGE };
  const [directory] = positional;
  if (!directory || positional.length > 1) return { ok: false, message: `须给出一个目录 / name one folder\n${STORE_USAGE}` };
  if (action !== 'import' && replace) return { ok: false, message: `--replace 只用于 import / --replace is for import only\n${STORE_USAGE}` };
  if (action === 'tiles') return { ok: true, value: { action, directory, url, schema, tiledFrom } };
  return action === 'import' ? { ok: true, value: { action, directory, url, schema, replace } } : { ok: true, value: { action, directory, url, schema } };
}
