/** .cpg code pages as ArcGIS and QGIS write them, and detection without one (docs/stack-notes.md, Reading shapefiles). */
import { describe, expect, it } from 'vitest';
import { detectDbfEncoding, encodingFromCpg } from '../../../../src/data/import/dbfEncoding';
import { readDbf } from '../../../../src/data/import/readDbf';
import { encodeGbk } from '../../../fixtures/import/encodeGbk';
import { writeDbf } from '../../../fixtures/import/writeShapefile';

describe('encodingFromCpg', () => {
  it.each([
    ['936', 'gbk'],
    ['ANSI 936', 'gbk'],
    ['CP936', 'gbk'],
    ['cp936\r\n', 'gbk'],
    ['GBK', 'gbk'],
    ['GB2312', 'gbk'],
    ['GB18030', 'gb18030'],
    ['54936', 'gb18030'],
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['1252', 'windows-1252'],
    ['ANSI 1252', 'windows-1252'],
    ['950', 'big5'],
    ['88591', undefined],
    ['klingon', undefined],
    ['', undefined],
  ])('%j → %s', (cpg, encoding) => {
    expect(encodingFromCpg(cpg)).toBe(encoding);
  });
});

describe('detectDbfEncoding', () => {
  const gbk = encodeGbk('下庄村');
  const utf8 = new TextEncoder().encode('下庄村');

  it('reads valid UTF-8 as UTF-8, other bytes as GBK, and language driver 0x4D or 0x7A as GBK', () => {
    expect(detectDbfEncoding(0, [utf8])).toEqual({ encoding: 'utf-8', source: 'detected' });
    expect(detectDbfEncoding(0, [utf8, gbk])).toEqual({ encoding: 'gbk', source: 'detected' });
    expect(detectDbfEncoding(0x4d, [utf8])).toEqual({ encoding: 'gbk', source: 'language-driver' });
    expect(detectDbfEncoding(0x7a, [])).toEqual({ encoding: 'gbk', source: 'language-driver' });
  });

  it('does not mistake UTF-8 cut mid-character by a field width for GBK', () => {
    expect(detectDbfEncoding(0, [utf8.subarray(0, 7)]).encoding).toBe('utf-8');
  });
});

describe('readDbf', () => {
  it('skips rows flagged deleted, keeps odd values as written, renames duplicate field names', () => {
    const fields = [
      { name: encodeGbk('名称'), type: 'C' as const, length: 8 },
      { name: encodeGbk('名称'), type: 'C' as const, length: 8 },
      { name: encodeGbk('日期'), type: 'D' as const, length: 8 },
      { name: encodeGbk('数'), type: 'N' as const, length: 20 },
    ];
    const table = readDbf(writeDbf(fields, [['a', 'b', '20250230', '12345678901234567890'], ['c', 'd', '00000000', '****']], { deleted: [1] }), 't.dbf', 'gbk');
    expect(table.rows).toEqual([{ 名称: 'a', 名称_2: 'b', 日期: '20250230', 数: '12345678901234567890' }, null]);
    expect(table.renamedFields).toEqual([{ from: '名称', to: '名称_2' }]);
  });

  it('keeps a field named __proto__ as data', () => {
    const table = readDbf(writeDbf([{ name: new TextEncoder().encode('__proto__'), type: 'C', length: 5 }], [['x']]), 't.dbf', 'utf-8');
    const row = table.rows[0];
    expect(row && Object.keys(row)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });
});
