import { BlockList, isIP } from 'node:net';

interface ProxyEntry {
  address: string;
  /** Undefined for a single address. */
  prefixBits: number | undefined;
  type: 'ipv4' | 'ipv6';
}

/** `192.0.2.10`, `10.0.0.0/8` or `fd00::/8`; undefined for anything else. */
export function parseProxyEntry(entry: string): ProxyEntry | undefined {
  const [address = '', prefix, ...rest] = entry.trim().split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return undefined;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) return { address, prefixBits: undefined, type };
  const prefixBits = Number(prefix);
  const maxBits = family === 6 ? 128 : 32;
  return /^\d+$/.test(prefix) && prefixBits <= maxBits ? { address, prefixBits, type } : undefined;
}

/** The addresses (or subnets) of reverse proxies whose X-Forwarded-For or X-Real-IP header is believed. */
export class TrustedProxies {
  private readonly list = new BlockList();

  /** Entries that parseProxyEntry refuses are left out; settings check them first. */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseProxyEntry(entry);
      if (!parsed) continue;
      if (parsed.prefixBits === undefined) this.list.addAddress(parsed.address, parsed.type);
      else this.list.addSubnet(parsed.address, parsed.prefixBits, parsed.type);
    }
  }

  includes(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}
