import { describe, expect, it } from 'vitest';
import { geoPackageGeometry } from '../../../../src/data/import/geoPackageGeometry';
import { readWkb, WkbError } from '../../../../src/data/import/readWkb';

/** WKB written by hand from OGC 06-103r4 §8.2: byte order, uint32 type, doubles. */
function wkb(little: boolean, type: number, ...parts: (number | number[])[]): Uint8Array {
  const values: { kind: 'u32' | 'f64'; value: number }[] = [{ kind: 'u32', value: type }];
  for (const part of parts) {
    if (Array.isArray(part)) values.push(...part.map((value) => ({ kind: 'f64' as const, value })));
    else values.push({ kind: 'u32', value: part });
  }
  const size = 1 + values.reduce((sum, entry) => sum + (entry.kind === 'u32' ? 4 : 8), 0);
  const view = new DataView(new ArrayBuffer(size));
  view.setUint8(0, little ? 1 : 0);
  let offset = 1;
  for (const entry of values) {
    if (entry.kind === 'u32') view.setUint32(offset, entry.value, little);
    else view.setFloat64(offset, entry.value, little);
    offset += entry.kind === 'u32' ? 4 : 8;
  }
  return new Uint8Array(view.buffer);
}

describe('readWkb', () => {
  it('reads points and polygons in both byte orders, ISO Z and EWKB Z, and drops M', () => {
    expect(readWkb(wkb(true, 1, [102.7, 25]))).toEqual({ type: 'Point', coordinates: [102.7, 25] });
    expect(readWkb(wkb(false, 3, 1, 4, [0, 0, 1, 0, 1, 1, 0, 0]))).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    expect(readWkb(wkb(true, 1001, [1, 2, 3]))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(readWkb(wkb(true, 0x80000001, [1, 2, 3]))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(readWkb(wkb(true, 2001, [1, 2, 9]))).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('refuses curves by name, and a count larger than the bytes left', () => {
    expect(() => readWkb(wkb(true, 8, 0))).toThrow(/CircularString geometries \(curves\) are not supported/);
    expect(() => readWkb(wkb(true, 2, 100000000, [1, 2]))).toThrow(WkbError);
  });

  it('reads a GeoPackage blob after its header and envelope, and an empty one as null', () => {
    const body = wkb(true, 1, [102.7, 25]);
    const header = new Uint8Array([0x47, 0x50, 0, 0b0000_0011, 0xe6, 0x10, 0, 0, ...new Array<number>(32).fill(0)]);
    expect(geoPackageGeometry(new Uint8Array([...header, ...body]))).toEqual({ type: 'Point', coordinates: [102.7, 25] });
    expect(geoPackageGeometry(new Uint8Array([0x47, 0x50, 0, 0b0001_0001, 0, 0, 0, 0, ...body]))).toBeNull();
    expect(() => geoPackageGeometry(body)).toThrow(/GP/);
  });
});
