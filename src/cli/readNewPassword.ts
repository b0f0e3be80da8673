import { createInterface } from 'node:readline';

/** The first line piped to stdin: scripts and tests give the password this way. */
async function readPasswordFromPipe(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolveAnswer) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    process.stderr.write(question);
    const mutable = terminal as unknown as { _writeToOutput: (text: string) => void };
    mutable._writeToOutput = () => undefined;
    terminal.question('', (answer) => {
      terminal.close();
      process.stderr.write('\n');
      resolveAnswer(answer);
    });
  });
}

/**
 * A new password from stdin, or typed twice at a hidden prompt when stdin is a terminal; never
 * from the command line, where it would land in the shell history. Undefined when the two differ.
 */
export async function readNewPassword(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return readPasswordFromPipe();
  const first = await promptHidden('密码 Password: ');
  const second = await promptHidden('再输一次 Again: ');
  return first === second ? first : undefined;
}
