import { join } from 'node:path';
import { accountsFileIn } from '../../data/accounts/accountsFile';

/**
 * Where the server keeps what is not plan data (PLAN_MAP_STATE, default <project>/.plan-map/):
 *   accounts.json            admin, editor and viewer accounts, scrypt-hashed passwords
 *   audit.jsonl              one JSON record per save, appended
 *   audit-torn-<time>.jsonl  the torn end of the log a crash left, set aside at start
 *   versions/<layer-id>/     <sequence>.geojson + <sequence>.json: recent versions of each layer;
 *                            save-intent.json while a save is in progress (docs/save-sequence.md)
 *   versions/layers.json/    <sequence>.document + <sequence>.json: the same for the plan itself
 * Paths below versions/ are built from manifest layer ids only, never from request input.
 */
export interface StateLayout {
  directory: string;
  accountsFile: string;
  auditFile: string;
  versionsDirectory: string;
}

export function stateLayoutOf(directory: string): StateLayout {
  return {
    directory,
    accountsFile: accountsFileIn(directory),
    auditFile: join(directory, 'audit.jsonl'),
    versionsDirectory: join(directory, 'versions'),
  };
}
