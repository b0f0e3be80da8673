import { describe, expect, it } from 'vitest';
import { addressBlockKey } from '../../../../src/server/auth/addressBlockKey';
import { clientAddressOf } from '../../../../src/server/auth/clientAddress';
import { TrustedProxies } from '../../../../src/server/auth/trustedProxies';

const proxies = new TrustedProxies(['10.0.0.2', '172.16.0.0/12', 'fd00::/8']);

describe('the client address behind reverse proxies', () => {
  it('is the socket address when that is not a trusted proxy, whatever the headers say', () => {
    expect(clientAddressOf('198.51.100.7', { 'x-forwarded-for': '192.0.2.1', 'x-real-ip': '192.0.2.2' }, proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('::ffff:198.51.100.7', {}, proxies)).toBe('198.51.100.7');
  });

  it('is the rightmost address in X-Forwarded-For that is not a trusted proxy', () => {
    expect(clientAddressOf('10.0.0.2', { 'x-forwarded-for': '192.0.2.99, 203.0.113.5' }, proxies)).toBe('203.0.113.5');
    expect(clientAddressOf('10.0.0.2', { 'x-forwarded-for': '203.0.113.5, 172.20.1.1' }, proxies)).toBe('203.0.113.5');
    expect(clientAddressOf('fd00::1', { 'x-forwarded-for': '[2001:db8::7]:51234' }, proxies)).toBe('2001:db8::7');
  });

  it('falls back to X-Real-IP, and to the proxy itself when a hop is not an address', () => {
    expect(clientAddressOf('10.0.0.2', { 'x-real-ip': '203.0.113.5' }, proxies)).toBe('203.0.113.5');
    expect(clientAddressOf('10.0.0.2', { 'x-forwarded-for': 'unknown' }, proxies)).toBe('10.0.0.2');
    expect(clientAddressOf('10.0.0.2', { 'x-forwarded-for': 'evil, 172.20.1.1' }, proxies)).toBe('172.20.1.1');
  });

  it('counts an IPv6 client by its /64, so it cannot walk through its own network', () => {
    expect(addressBlockKey('2001:db8:1:2:aaaa::1')).toBe(addressBlockKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressBlockKey('2001:db8:1:2::1')).not.toBe(addressBlockKey('2001:db8:1:3::1'));
    expect(addressBlockKey('203.0.113.5')).toBe('203.0.113.5');
  });
});
