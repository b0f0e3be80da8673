import { quoteValue } from '../../domain/validation/safeText';
import { ImportError, importMessage } from './importMessage';

/*
 * The central directory of a zip archive (PKWARE APPNOTE.TXT 6.3: 4.3.12 central directory
 * file header, 4.3.16 end of central directory record). It is the archive's table of contents:
 * names, methods and sizes are read from here BEFORE anything is inflated, so a bomb or a path
 * traversal is refused without extracting a byte (docs/input-rules.md, A7).
 */

export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused. */
  method: number;
  compressedSize: number;
  /** As declared; readZip also counts what inflating actually produces. */
  uncompressedSize: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** General purpose flag bits (APPNOTE 4.4.4). */
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8_NAME = 0x800;

const invalid = (zh: string, en: string): ImportError => new ImportError(importMessage('ZIP_INVALID', `ZIP 压缩包已损坏：${zh}`, `the zip archive is damaged: ${en}`));

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let offset = view.byteLength - EOCD_SIZE; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  throw invalid('找不到目录结尾记录', 'no end of central directory record');
}

/*
 * Names are CP437 unless bit 11 says UTF-8 (APPNOTE Appendix D). Zips made by the Windows shell
 * on Chinese systems write GBK without the flag, and CP437 would turn 下庄村.shp into box
 * drawings, so unflagged names that are not valid UTF-8 are read as GBK.
 */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** The entries of the archive, or an ImportError for a damaged or unsupported archive. */
export function readZipCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_SIZE) throw invalid('文件太短', 'the file is too short');
  const end = findEndOfCentralDirectory(view);
  const diskNumber = view.getUint16(end + 4, true);
  const entryCount = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (diskNumber !== 0) throw new ImportError(importMessage('ZIP_UNSUPPORTED', '不支持分卷 ZIP 压缩包', 'split (multi-volume) zip archives are not supported'));
  // 0xFFFF / 0xFFFFFFFF mean "see the ZIP64 record" (APPNOTE 4.4.1.4); no layer of a district needs 4 GB.
  if (entryCount === 0xffff || directoryOffset === 0xffffffff)
    throw new ImportError(importMessage('ZIP_UNSUPPORTED', '不支持 ZIP64 压缩包', 'ZIP64 archives are not supported'));
  if (entryCount > maxEntries) throw tooManyEntries(entryCount, maxEntries);

  const entries: ZipDirectoryEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw invalid('目录记录不完整', 'a central directory record is truncated');
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > end) throw invalid('文件名超出目录', 'a file name runs past the directory');
    const name = decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength), (flags & FLAG_UTF8_NAME) !== 0);
    if ((flags & FLAG_ENCRYPTED) !== 0)
      throw new ImportError(importMessage('ZIP_UNSUPPORTED', `压缩包内的 ${quoteValue(name, 80)} 已加密，请解密后重新打包`, `${quoteValue(name, 80)} in the zip is encrypted; unzip it and zip it again without a password`));
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
      throw new ImportError(importMessage('ZIP_UNSUPPORTED', '不支持 ZIP64 压缩包', 'ZIP64 archives are not supported'));
    entries.push({ name, method: view.getUint16(offset + 10, true), compressedSize, uncompressedSize, localHeaderOffset, isDirectory: name.endsWith('/') });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function tooManyEntries(count: number, maxEntries: number): ImportError {
  return new ImportError(importMessage('ZIP_TOO_MANY_ENTRIES', `压缩包有 ${count} 个文件，超过上限 ${maxEntries}`, `the zip archive holds ${count} files, more than the limit of ${maxEntries}`));
}
