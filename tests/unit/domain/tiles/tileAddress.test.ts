import { expect, it } from 'vitest';
import { parseTileAddress } from '../../../../src/domain/tiles/tileAddress';

it('reads whole numbers inside the pyramid', () => {
  expect(parseTileAddress('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
  expect(parseTileAddress('14', '12865', '7017')).toEqual({ z: 14, x: 12865, y: 7017 });
  expect(parseTileAddress('22', String(2 ** 22 - 1), '0')).toEqual({ z: 22, x: 2 ** 22 - 1, y: 0 });
});

it('refuses the rest', () => {
  for (const [z, x, y] of [['23', '0', '0'], ['1', '2', '0'], ['1', '0', '2'], ['-1', '0', '0'], ['1', '0.5', '0'], ['1', '', '0'], ['1', '1e0', '0'], ['1', '0', '0.mvt']]) {
    expect(parseTileAddress(z ?? '', x ?? '', y ?? ''), `${z}/${x}/${y}`).toBeNull();
  }
});
