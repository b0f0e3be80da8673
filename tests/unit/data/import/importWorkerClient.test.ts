/** Where there are no Web Workers (here: Node), the same import runs in the page, and cancelling still stops it. */
import { describe, expect, it } from 'vitest';
import { createImportWorkerClient, ImportCancelled } from '../../../../src/data/import/importWorkerClient';
import type { ImportProgress } from '../../../../src/data/import/importJob';
import { projectManifest } from '../../../support/inputCases';
import { importFixture } from './importFixture';

const villages = projectManifest.layers.find((layer) => layer.id === 'urban-villages');
if (!villages) throw new Error('no urban-villages layer');
const surveyFile = () => new File([new Uint8Array(importFixture('gk4543-survey-gbk.zip'))], '村庄测绘.zip');

describe('the import client without workers', () => {
  it('reads and checks a file in turn, with the same stages of progress as the worker reports', async () => {
    expect(typeof Worker).toBe('undefined');
    const client = createImportWorkerClient();
    const stages: ImportProgress['stage'][] = [];
    const onProgress = (progress: ImportProgress) => { if (stages[stages.length - 1] !== progress.stage) stages.push(progress.stage); };
    const read = client.read(surveyFile(), onProgress);
    // Asked before the read has finished: the client runs requests one after another.
    const checked = client.check({ partIndex: 0, layer: villages, manifest: projectManifest, declaredCrs: 'EPSG:4543' }, onProgress);
    expect(await read).toMatchObject({ ok: true, layers: [{ name: '村庄测绘', format: 'shapefile' }] });
    const result = await checked;
    expect(result.report.reprojection?.from).toBe('EPSG:4543');
    expect(result.all?.features).toHaveLength(3);
    expect(stages).toEqual(['reading', 'reading-zip', 'parsing', 'structure', 'geometry']);
  });

  it('rejects work still waiting when it is cancelled, and does none of it', async () => {
    const client = createImportWorkerClient();
    const progress: ImportProgress[] = [];
    const read = client.read(surveyFile(), (next) => progress.push(next));
    client.terminate();
    await expect(read).rejects.toBeInstanceOf(ImportCancelled);
    await expect(client.check({ partIndex: 0, layer: villages, manifest: projectManifest }, (next) => progress.push(next))).rejects.toBeInstanceOf(ImportCancelled);
    expect(progress).toEqual([]);
  });
});
