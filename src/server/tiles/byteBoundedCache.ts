/**
 * A least-recently-used map bounded by the bytes of its values, not their count: one z8 tile of a
 * dense layer can weigh as much as a thousand z16 tiles, so a count bound says nothing about memory.
 */
export class ByteBoundedCache<Value extends { byteLength: number }> {
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, Value>();
  private heldBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Value | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps the value unless it alone is over the bound; evicts the least recently used to make room. */
  set(key: string, value: Value): void {
    this.delete(key);
    if (value.byteLength > this.maxBytes) return;
    this.entries.set(key, value);
    this.heldBytes += value.byteLength;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.heldBytes -= oldest.byteLength;
    }
  }

  /** Drops every entry whose key starts with `prefix` (a layer's old revisions). */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.heldBytes -= old.byteLength;
  }
}
