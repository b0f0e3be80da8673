import { createInterface } from 'node:readline';

/*
 * A login flood from another process, as attackers on other machines would send it:
 * `node --import tsx loginFloodClient.ts <baseUrl> <clients> <pauseMs>`, switched by lines on
 * stdin: `on` starts it, `off` stops it (it answers `idle` once no request is outstanding),
 * `end` ends it (it answers with one JSON line: the answers by status, and the refusals that
 * came without a Retry-After). Each client sends wrong logins for made-up user names one after
 * another, each from a new address in X-Forwarded-For (the server under test trusts this
 * machine as its proxy), so neither a per-address nor a per-user limit can stop them.
 */

const [baseUrl = '', clientsText = '16', pauseText = '50'] = process.argv.slice(2);
type Mode = 'off' | 'on' | 'end';
let mode: Mode = 'off';
/** Read through a call: the mode changes while a client awaits. */
const currentMode = (): Mode => mode;
let wake: () => void = () => undefined;
let woken = new Promise<void>((resolveWake) => (wake = resolveWake));
let busyClients = 0;
let sent = 0;
const statuses: Record<string, number> = {};
let refusalsWithoutRetryAfter = 0;

function setMode(next: Mode): void {
  mode = next;
  const wakeAll = wake;
  woken = new Promise<void>((resolveWake) => (wake = resolveWake));
  wakeAll();
  if (next === 'off' && busyClients === 0) process.stdout.write('idle\n');
}

function nextAddress(): string {
  const index = sent;
  sent += 1;
  return `198.${18 + ((index >> 16) & 1)}.${(index >> 8) & 255}.${index & 255}`;
}

async function guess(clientIndex: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextAddress() },
    body: JSON.stringify({ username: `flood-${clientIndex}-${sent}`, password: 'not-the-password' }),
  });
  await response.arrayBuffer();
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  if ((response.status === 429 || response.status === 503) && !response.headers.get('retry-after')) refusalsWithoutRetryAfter += 1;
}

async function client(clientIndex: number): Promise<void> {
  for (;;) {
    if (currentMode() === 'end') return;
    if (currentMode() === 'off') {
      await woken;
      continue;
    }
    busyClients += 1;
    await guess(clientIndex);
    busyClients -= 1;
    // Reported here, after the last outstanding answer, so the caller knows the server is quiet.
    if (currentMode() === 'off' && busyClients === 0) process.stdout.write('idle\n');
    await new Promise((resolvePause) => setTimeout(resolvePause, Number(pauseText)));
  }
}

const clients = Promise.all(Array.from({ length: Number(clientsText) }, (_, index) => client(index)));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'on' || line === 'off') setMode(line);
  if (line === 'end') {
    setMode('end');
    void clients.then(() => process.stdout.write(`${JSON.stringify({ statuses, refusalsWithoutRetryAfter })}\n`, () => process.exit(0)));
  }
});
process.stdout.write('ready\n');
