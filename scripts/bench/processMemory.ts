import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessTreeMemory {
  /** Sum of VmRSS over the browser process and all its descendants (renderer, GPU, utility). */
  rssBytes: number;
  /** Sum of PSS (shared pages split between sharers); NaN where smaps_rollup is unreadable. */
  pssBytes: number;
  processes: number;
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return -1;
  }
}

function kilobytesField(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Memory of every process below this Node process: Playwright starts Chromium as our child, and
 * the harness keeps one browser open at a time, so the tree is exactly the measured browser.
 */
export function processTreeMemory(rootPid = process.pid): ProcessTreeMemory {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const descendants: number[] = [];
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    descendants.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  let rssBytes = 0;
  let pssBytes = 0;
  for (const pid of descendants) {
    rssBytes += kilobytesField(readOrEmpty(`/proc/${pid}/status`), 'VmRSS') || 0;
    pssBytes += kilobytesField(readOrEmpty(`/proc/${pid}/smaps_rollup`), 'Pss');
  }
  return { rssBytes, pssBytes, processes: descendants.length };
}
