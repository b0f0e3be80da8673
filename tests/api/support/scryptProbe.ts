import { createHook } from 'node:async_hooks';
import { writeSync } from 'node:fs';

/*
 * Loaded into a server process with `node --import`: reports on stderr each scrypt the process
 * starts and ends, counted where Node queues it on the thread pool (async resource type
 * SCRYPTREQUEST), so a test sees how many password hashes ran and how many at once without any
 * hook in the server's own code. Lines: `scrypt-probe started=<n> running=<n> peak=<n>`.
 */

const pending = new Set<number>();
let started = 0;
let peak = 0;

function report(): void {
  writeSync(2, `scrypt-probe started=${started} running=${pending.size} peak=${peak}\n`);
}

createHook({
  init(asyncId, type) {
    if (type !== 'SCRYPTREQUEST') return;
    pending.add(asyncId);
    started += 1;
    peak = Math.max(peak, pending.size);
    report();
  },
  before(asyncId) {
    if (pending.delete(asyncId)) report();
  },
}).enable();
