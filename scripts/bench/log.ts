/** Human progress goes to stderr, so that `--json` leaves stdout machine-readable. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
