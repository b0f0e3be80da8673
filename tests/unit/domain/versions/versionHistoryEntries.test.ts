import { describe, expect, it } from 'vitest';
import type { LayerVersion, VersionAuditRecord } from '../../../../src/domain/versions/layerVersion';
import { versionHistoryEntries } from '../../../../src/domain/versions/versionHistoryEntries';

function version(partial: Partial<LayerVersion> & Pick<LayerVersion, 'version' | 'time'>): LayerVersion {
  return { user: 'editor', current: false, summary: { added: 0, removed: 0, changed: 1, totalAreaDeltaSquareMeters: 0, origin: 'save' }, ...partial };
}

function record(partial: Partial<VersionAuditRecord> & Pick<VersionAuditRecord, 'toVersion' | 'time'>): VersionAuditRecord {
  return { user: 'editor', action: 'save', fromVersion: null, projects: [], totalAreaDeltaSquareMeters: 0, totalLengthDeltaMeters: 0, statusRegressionCount: 0, ...partial };
}

describe('versionHistoryEntries', () => {
  it('adds the length change and status regressions of the save that made each version', () => {
    const entries = versionHistoryEntries(
      [version({ version: 'B', time: '2026-06-15T10:00:00.000Z', current: true }), version({ version: 'A', time: '2026-06-01T08:00:00.000Z', user: null, summary: { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin: 'disk' } })],
      [record({ toVersion: 'B', time: '2026-06-15T10:00:00.000Z', totalLengthDeltaMeters: 420, statusRegressionCount: 1 })],
    );
    expect(entries.map((entry) => [entry.version, entry.totalLengthDeltaMeters, entry.statusRegressionCount])).toEqual([['B', 420, 1], ['A', null, null]]);
  });

  it('tells a restored version from the save that first made it by the time', () => {
    const entries = versionHistoryEntries(
      [
        version({ version: 'A', time: '2026-06-20T09:00:00.000Z', summary: { added: 0, removed: 0, changed: 1, totalAreaDeltaSquareMeters: -50, origin: 'restore', restoredFrom: 'A' } }),
        version({ version: 'B', time: '2026-06-15T10:00:00.000Z' }),
        version({ version: 'A', time: '2026-06-10T10:00:00.000Z' }),
      ],
      [
        record({ toVersion: 'A', time: '2026-06-20T09:00:00.000Z', action: 'restore', totalLengthDeltaMeters: -7 }),
        record({ toVersion: 'B', time: '2026-06-15T10:00:00.000Z', totalLengthDeltaMeters: 7 }),
        record({ toVersion: 'A', time: '2026-06-10T10:00:00.000Z', totalLengthDeltaMeters: 3 }),
      ],
    );
    expect(entries.map((entry) => entry.totalLengthDeltaMeters)).toEqual([-7, 7, 3]);
  });

  it('leaves the audit figures empty when no record matches', () => {
    const [entry] = versionHistoryEntries([version({ version: 'C', time: '2026-06-15T10:00:00.000Z' })], [record({ toVersion: 'C', time: '2026-06-15T10:00:01.000Z' })]);
    expect(entry).toMatchObject({ version: 'C', totalLengthDeltaMeters: null, statusRegressionCount: null });
  });

  it('names the projects each save changed, and the version it replaced, to show what it changed', () => {
    const projects = [{ id: 'UV-004', name: '海晏村', change: 'changed' as const }];
    const entries = versionHistoryEntries(
      [
        version({ version: 'D', time: '2026-06-20T09:00:00.000Z', current: true }),
        version({ version: 'C', time: '2026-06-18T09:00:00.000Z', user: null, summary: { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin: 'disk' } }),
        version({ version: 'B', time: '2026-06-15T10:00:00.000Z' }),
        version({ version: 'A', time: '2026-06-01T08:00:00.000Z', user: null, summary: { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin: 'disk' } }),
      ],
      [
        record({ toVersion: 'D', fromVersion: 'C', time: '2026-06-20T09:00:00.000Z', projects }),
        record({ toVersion: 'B', fromVersion: 'A', time: '2026-06-15T10:00:00.000Z' }),
      ],
    );
    expect(entries.map((entry) => [entry.version, entry.previousVersion])).toEqual([['D', 'C'], ['C', 'B'], ['B', 'A'], ['A', null]]);
    expect(entries.map((entry) => entry.projects)).toEqual([projects, null, [], null]);
  });
});
