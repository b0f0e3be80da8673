import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditRecordsForVersions } from '../../src/data/auditRecordsForVersions';
import { parseAuditPage, parseAuditRecords, parseLayerVersions, parseVersionList } from '../../src/data/layerVersionsJson';
import { layerChangeAuthor } from '../../src/domain/versions/layerChangeAuthor';
import { versionHistoryEntries } from '../../src/domain/versions/versionHistoryEntries';
import { EDITOR, fileStoreOnly, startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import { parseCollection, withProperty } from './support/layerEdits';

// The app's history panel reads these answers; this checks its parsers against the real server, not a copy of its shapes.
let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiTestServer();
});
afterAll(() => server.close());

describe('the app reads the server\'s versions and audit records', () => {
  it('joins a road save\'s version with its audit record, length change included, and names who made it', async () => {
    const editor = await server.login();
    const { text, etag, version: before } = await editor.layer('roads');
    const roads = parseCollection(text);
    const road = roads.features.find((feature) => feature.geometry?.type === 'LineString' && feature.geometry.coordinates.length > 2);
    if (road?.geometry?.type !== 'LineString') throw new Error('the sample has no road of three or more points');
    road.geometry.coordinates = road.geometry.coordinates.slice(0, 2);
    const saved = await editor.putLayer('roads', JSON.stringify(roads), etag);
    expect(saved.status).toBe(200);
    const after = ((await saved.json()) as { version: string }).version;

    const versions = parseVersionList(await (await editor.get('/api/layers/roads/versions')).json());
    const records = parseAuditRecords(await (await editor.get('/api/audit?layer=roads')).json());
    const entries = versionHistoryEntries(versions, records);
    expect(entries.map((entry) => [entry.version, entry.user, entry.current, entry.summary.origin])).toEqual([
      [after, EDITOR.username, true, 'save'],
      [before, null, false, 'disk'],
    ]);
    expect(entries[0]?.summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(entries[0]?.totalLengthDeltaMeters).toBeLessThan(0);
    expect(entries[1]?.totalLengthDeltaMeters).toBeNull();
    // The row names the road it changed; choosing it compares with the version the save replaced.
    expect(entries[0]?.projects).toEqual([{ id: road.id, name: road.properties.name, change: 'changed' }]);
    expect(entries.map((entry) => entry.previousVersion)).toEqual([before, null]);
    expect(layerChangeAuthor(versions, after)).toEqual({ kind: 'user', user: EDITOR.username });

    const layers = parseLayerVersions(await (await editor.get('/api/layers')).json());
    expect(layers).toContainEqual({ layer: 'roads', version: after });
  });
});


describe('the history of a layer saved rarely among busy ones', () => {
  fileStoreOnly('follows the audit pages until every kept save has its record', async () => {
    const editor = await server.login();
    const { text, etag } = await editor.layer('lakeshore');
    const saved = await editor.putLayer('lakeshore', withProperty(text, 'LS-01', 'name', '湖岸 新名'), etag);
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: string };
    // 24 MB of another layer's records after it: more than one page of the log is read per request.
    const other = `${JSON.stringify({ time: new Date().toISOString(), user: 'other', layer: 'roads', action: 'save', fromVersion: 'A'.repeat(27), toVersion: 'B'.repeat(27), added: [], removed: [], changed: [], pad: 'p'.repeat(2000) })}\n`;
    await appendFile(join(server.stateDirectory, 'audit.jsonl'), other.repeat(Math.ceil((24 * 1024 * 1024) / other.length)));

    const versions = parseVersionList(await (await editor.get('/api/layers/lakeshore/versions')).json());
    const pagesRead: (string | undefined)[] = [];
    const records = await auditRecordsForVersions(async (before) => {
      pagesRead.push(before);
      const query = new URLSearchParams({ layer: 'lakeshore', ...(before ? { before } : {}) });
      return parseAuditPage(await (await editor.get(`/api/audit?${query.toString()}`)).json());
    }, versions);
    expect(pagesRead.length).toBeGreaterThan(1);
    const entries = versionHistoryEntries(versions, records);
    expect(entries[0]).toMatchObject({ version, user: EDITOR.username, projects: [{ id: 'LS-01', name: '湖岸 新名', change: 'changed' }] });
  });
});
