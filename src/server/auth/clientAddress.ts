import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import type { TrustedProxies } from './trustedProxies';

/** `::ffff:192.0.2.1` (an IPv4 client of a dual-stack socket) as `192.0.2.1`; `[2001:db8::1]:443` and `192.0.2.1:8080` without the port. */
function plainAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 0 ? undefined : address;
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * Who sent the request. The socket's address, unless that is a trusted proxy: then the
 * X-Forwarded-For chain is read from the right (each proxy appends the address it was reached
 * from) up to the first address that is not a trusted proxy; without that header, X-Real-IP.
 * Entries left of the first untrusted one could be anything the client wrote, so they never count.
 */
export function clientAddressOf(socketAddress: string | undefined, headers: IncomingHttpHeaders, proxies: TrustedProxies): string {
  const peer = plainAddress(socketAddress ?? '') ?? 'unknown';
  if (!proxies.includes(peer)) return peer;
  const forwarded = headerText(headers['x-forwarded-for']).split(',').filter((hop) => hop.trim() !== '');
  if (forwarded.length === 0) return plainAddress(headerText(headers['x-real-ip'])) ?? peer;
  let client = peer;
  for (const hop of forwarded.reverse()) {
    const address = plainAddress(hop);
    if (address === undefined) return client;
    client = address;
    if (!proxies.includes(address)) return address;
  }
  return client;
}
