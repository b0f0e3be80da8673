import { describe, expect, it } from 'vitest';
import { layerUpdateStep, versionOfEtag, type LayerUpdateContext } from '../../../src/ui/staff/live/layerUpdateStep';

const editor: LayerUpdateContext = { isEditor: true, editorEtag: '"v1"', saving: false, dirty: false, readerVersion: undefined };
const reader: LayerUpdateContext = { isEditor: false, editorEtag: undefined, saving: false, dirty: false, readerVersion: 'v1' };

describe('layerUpdateStep', () => {
  it('shows a new version to an editor without unsaved edits', () => {
    expect(layerUpdateStep('v2', editor)).toBe('fetch');
  });

  it('keeps an editor\'s unsaved edits instead of the new version', () => {
    expect(layerUpdateStep('v2', { ...editor, dirty: true })).toBe('keep-edits');
  });

  it('waits for a save in flight, whose answer may be the announced version', () => {
    expect(layerUpdateStep('v2', { ...editor, saving: true, dirty: true })).toBe('wait');
  });

  it('does nothing for the version the editor already has, or before the editor\'s copy is loaded', () => {
    expect(layerUpdateStep('v1', { ...editor, dirty: true })).toBe('done');
    expect(layerUpdateStep('v2', { ...editor, editorEtag: undefined })).toBe('done');
  });

  it('replaces a reader\'s layer unless it shows that version already', () => {
    expect(layerUpdateStep('v2', reader)).toBe('fetch');
    expect(layerUpdateStep('v1', reader)).toBe('done');
    expect(layerUpdateStep('v1', { ...reader, readerVersion: undefined })).toBe('fetch');
  });
});

describe('versionOfEtag', () => {
  it('reads the version out of strong and weak ETags', () => {
    expect(versionOfEtag('"abc"')).toBe('abc');
    expect(versionOfEtag('W/"abc"')).toBe('abc');
    expect(versionOfEtag('abc')).toBe('abc');
  });
});
