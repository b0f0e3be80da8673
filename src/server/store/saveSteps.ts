/**
 * The steps of one save, in order (docs/save-sequence.md explains each and what a restart does
 * after a crash between two of them). The renaming of the layer file is the commit point: a
 * crash before it leaves the old layer and no trace in the history, a crash after it leaves
 * the new layer, which the next start records in the audit log and the version list.
 */
export const SAVE_STEPS = [
  /** The layer as found on disk, not yet kept (first save, or the file was edited in QGIS), is kept as a version. */
  'disk-version-kept',
  /** The new content waits in the versions folder, not listed. */
  'new-content-written',
  /** save-intent.json names the save: its audit record, its version entry, where the audit log ended. */
  'intent-written',
  /** The new layer is written and flushed beside the old one, not yet renamed over it. */
  'layer-temp-written',
  /** The new layer is live. */
  'layer-renamed',
  'audit-appended',
  /** The new version's entry is written: the version list shows it. */
  'version-listed',
  /** The save is complete; the answer is not sent yet. */
  'intent-removed',
] as const;

export type SaveStep = (typeof SAVE_STEPS)[number];

export function isSaveStep(text: string): text is SaveStep {
  return (SAVE_STEPS as readonly string[]).includes(text);
}

/** Called as a save passes each step; tests use it to kill the server at a chosen step. */
export type SaveStepHook = (step: SaveStep) => void;

/**
 * For crash tests only (PLAN_MAP_TEST_MODE=1 with PLAN_MAP_TEST_KILL_AT=<step>): the process
 * kills itself with SIGKILL, which no handler can catch, exactly as a power cut or the OOM
 * killer would end it at that step.
 */
export function killProcessAtStep(killAt: SaveStep): SaveStepHook {
  return (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  };
}
