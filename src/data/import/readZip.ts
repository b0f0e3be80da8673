import { Inflate } from 'fflate';
import { quoteValue } from '../../domain/validation/safeText';
import { ImportError, importMessage, type ImportMessage } from './importMessage';
import { readZipCentralDirectory, tooManyEntries, type ZipDirectoryEntry } from './zipCentralDirectory';

/** Bounds on what one archive may expand to (docs/input-rules.md, A7): the size counts after decompression. */
export interface ZipLimits {
  /** Sum of the uncompressed sizes of the extracted entries. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of one entry. */
  maxRatio: number;
  /** Entries smaller than this are exempt from the ratio: 3 KB of blank dBASE padding is no bomb. */
  ratioExemptBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioExemptBytes: 64 * 1024,
  maxEntries: 1000,
};

export interface ZipFile {
  /** The path inside the archive, '/'-separated as stored. */
  name: string;
  bytes: Uint8Array;
}

export type ZipReadResult = { ok: true; files: ZipFile[] } | { ok: false; problems: ImportMessage[] };

export interface ReadZipOptions {
  limits?: Partial<ZipLimits>;
  /** Entries to extract; others are checked in the directory but never inflated. */
  wanted?: (name: string) => boolean;
}

const LOCAL_SIGNATURE = 0x04034b50;
/*
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one
 * push produces at most ~16 MB before the counters below can stop it.
 */
const INFLATE_CHUNK_BYTES = 16 * 1024;

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why an entry name may not be used as a path: traversal, absolute, drive letter or NUL (docs/input-rules.md, A7 and G3). */
function unsafeNameReason(name: string): { zh: string; en: string } | undefined {
  if (name.includes('\0')) return { zh: '含有 NUL 字符', en: 'contains a NUL character' };
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return { zh: '是绝对路径', en: 'is an absolute path' };
  if (name.split(/[\\/]/).some((segment) => segment === '..')) return { zh: '含有“..”（指向压缩包外）', en: 'contains ".." (points outside the archive)' };
  return undefined;
}

function checkDirectory(entries: readonly ZipDirectoryEntry[], limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) throw tooManyEntries(entries.length, limits.maxEntries);
  let total = 0;
  for (const entry of entries) {
    const reason = unsafeNameReason(entry.name);
    if (reason)
      throw new ImportError(importMessage('ZIP_UNSAFE_NAME', `压缩包内的文件名 ${quoteValue(entry.name, 80)} ${reason.zh}，已拒绝`, `the file name ${quoteValue(entry.name, 80)} in the zip ${reason.en}; refused`));
    if (entry.method !== 0 && entry.method !== 8)
      throw new ImportError(importMessage('ZIP_UNSUPPORTED', `${quoteValue(entry.name, 80)} 的压缩方法（${entry.method}）不受支持，请用普通 ZIP（deflate）重新打包`, `${quoteValue(entry.name, 80)} uses compression method ${entry.method}; zip it again with ordinary deflate`));
    checkRatio(entry, entry.uncompressedSize, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw tooLarge(limits);
  }
}

function tooLarge(limits: ZipLimits): ImportError {
  return new ImportError(importMessage('ZIP_TOO_LARGE', `压缩包解压后超过 ${megabytes(limits.maxTotalBytes)}，已拒绝`, `the zip archive expands to more than ${megabytes(limits.maxTotalBytes)}; refused`));
}

function checkRatio(entry: ZipDirectoryEntry, expandedBytes: number, limits: ZipLimits): void {
  if (expandedBytes <= limits.ratioExemptBytes) return;
  if (expandedBytes > limits.maxRatio * Math.max(entry.compressedSize, 1))
    throw new ImportError(importMessage('ZIP_RATIO_TOO_HIGH', `${quoteValue(entry.name, 80)} 解压后膨胀超过 ${limits.maxRatio} 倍（疑似“压缩炸弹”），已拒绝`, `${quoteValue(entry.name, 80)} expands more than ${limits.maxRatio}× (a zip bomb?); refused`));
}

/** The entry's compressed bytes, located through its local header (APPNOTE 4.3.7). */
function compressedData(bytes: Uint8Array, entry: ZipDirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw new ImportError(importMessage('ZIP_INVALID', `ZIP 压缩包已损坏：找不到 ${quoteValue(entry.name, 80)} 的数据`, `the zip archive is damaged: the data of ${quoteValue(entry.name, 80)} is missing`));
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength)
    throw new ImportError(importMessage('ZIP_INVALID', `ZIP 压缩包已损坏：${quoteValue(entry.name, 80)} 的数据不完整`, `the zip archive is damaged: the data of ${quoteValue(entry.name, 80)} is truncated`));
  return bytes.subarray(start, start + entry.compressedSize);
}

function sizeMismatch(entry: ZipDirectoryEntry): ImportError {
  return new ImportError(importMessage('ZIP_SIZE_MISMATCH', `${quoteValue(entry.name, 80)} 解压后的大小与压缩包目录所记不符（压缩包已损坏或被篡改），已拒绝`, `${quoteValue(entry.name, 80)} does not expand to the size the zip directory declares (damaged or forged); refused`));
}

/**
 * Inflates one entry counting the bytes it really produces: a header that under-declares the
 * size is caught as soon as the output passes the declared size, long before memory runs out.
 */
function inflateEntry(bytes: Uint8Array, entry: ZipDirectoryEntry): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.byteLength !== entry.uncompressedSize) throw sizeMismatch(entry);
    return data.slice();
  }
  const output = new Uint8Array(entry.uncompressedSize);
  let produced = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    // The directory's sizes already passed the total and ratio limits, so more than declared is a forgery.
    if (produced + chunk.byteLength > entry.uncompressedSize) throw sizeMismatch(entry);
    output.set(chunk, produced);
    produced += chunk.byteLength;
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < data.byteLength; offset += INFLATE_CHUNK_BYTES)
      inflater.push(data.subarray(offset, offset + INFLATE_CHUNK_BYTES), offset + INFLATE_CHUNK_BYTES >= data.byteLength);
    if (data.byteLength === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(importMessage('ZIP_INVALID', `ZIP 压缩包已损坏：${quoteValue(entry.name, 80)} 无法解压`, `the zip archive is damaged: ${quoteValue(entry.name, 80)} cannot be inflated`));
  }
  if (!finished || produced !== entry.uncompressedSize) throw sizeMismatch(entry);
  return output;
}

/**
 * The files of a zip archive, refused before extraction when its directory declares too much,
 * too many, too compressible or unsafe names, and stopped during extraction when the data
 * inflates to more than declared. Never throws.
 */
export function readZip(bytes: Uint8Array, options: ReadZipOptions = {}): ZipReadResult {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  try {
    const entries = readZipCentralDirectory(bytes, limits.maxEntries);
    checkDirectory(entries, limits);
    const files: ZipFile[] = [];
    for (const entry of entries) {
      if (entry.isDirectory || (options.wanted && !options.wanted(entry.name))) continue;
      const content = inflateEntry(bytes, entry);
      files.push({ name: entry.name, bytes: content });
    }
    return { ok: true, files };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, problems: [error.problem] };
    throw error;
  }
}
