import { describe, expect, it } from 'vitest';
import type { LayerVersion, VersionOrigin } from '../../../../src/domain/versions/layerVersion';
import { layerChangeAuthor } from '../../../../src/domain/versions/layerChangeAuthor';

function kept(version: string, user: string | null, origin: VersionOrigin): LayerVersion {
  return { version, time: '2026-06-15T10:00:00.000Z', user, current: false, summary: { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin } };
}

describe('layerChangeAuthor', () => {
  it('names the user of a save or restore made through the app', () => {
    expect(layerChangeAuthor([kept('B', '李工', 'save'), kept('A', null, 'disk')], 'B')).toEqual({ kind: 'user', user: '李工' });
    expect(layerChangeAuthor([kept('A', 'editor', 'restore'), kept('B', 'editor', 'save'), kept('A', null, 'disk')], 'A')).toEqual({ kind: 'user', user: 'editor' });
  });

  it('says the file changed on disk when the version is not the newest kept one', () => {
    expect(layerChangeAuthor([kept('B', 'editor', 'save')], 'C')).toEqual({ kind: 'disk' });
    // Someone put an older file back by hand: its content was kept once, but not as the newest version.
    expect(layerChangeAuthor([kept('B', 'editor', 'save'), kept('A', 'editor', 'save')], 'A')).toEqual({ kind: 'disk' });
    expect(layerChangeAuthor([], 'A')).toEqual({ kind: 'disk' });
  });

  it('does not guess when the version list could not be read', () => {
    expect(layerChangeAuthor(null, 'A')).toEqual({ kind: 'unknown' });
  });
});
