import { expect, it } from 'vitest';
import { ByteBoundedCache } from '../../../../src/server/tiles/byteBoundedCache';

const tile = (byteLength: number) => ({ byteLength });

it('holds no more bytes than its bound, evicting the least recently used first', () => {
  const cache = new ByteBoundedCache<{ byteLength: number }>(100);
  cache.set('a', tile(40));
  cache.set('b', tile(40));
  expect(cache.get('a')).toBeDefined();
  cache.set('c', tile(40));
  expect(cache.bytes).toBe(80);
  expect(cache.get('b')).toBeUndefined();
  expect(cache.get('a')).toBeDefined();
  expect(cache.get('c')).toBeDefined();
});

it('keeps nothing larger than the bound, and replacing a key counts its bytes once', () => {
  const cache = new ByteBoundedCache<{ byteLength: number }>(100);
  cache.set('huge', tile(101));
  expect(cache.size).toBe(0);
  cache.set('a', tile(30));
  cache.set('a', tile(50));
  expect(cache.bytes).toBe(50);
});

it('drops every key under a prefix (a layer whose revision moved on)', () => {
  const cache = new ByteBoundedCache<{ byteLength: number }>(1000);
  cache.set('roads\u00001\u00003/0/0', tile(10));
  cache.set('roads\u00001\u00003/1/0', tile(10));
  cache.set('roads-2\u00001\u00003/0/0', tile(10));
  cache.deletePrefix('roads\u0000');
  expect(cache.size).toBe(1);
  expect(cache.bytes).toBe(10);
});
