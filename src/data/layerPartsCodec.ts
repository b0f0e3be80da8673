import type { LayerParts } from '../domain/measure/measuredLayer';

/*
 * LayerParts without the features' text, as one binary blob the server computes once per file
 * version: a JSON header (the parts with each typed array replaced by its index) followed by the
 * arrays, each at an 8-byte aligned offset so the decoder takes views without copying.
 */

/** The parts a server sends; the features' text is the layer file itself, fetched on its own. */
export type EncodedLayerParts = Omit<LayerParts, 'featureText'>;

/** The blob's first header field: changes with every change of what the parts hold. */
export const LAYER_PARTS_FORMAT = 'PMLP4';
const ALIGNMENT = 8;

const ARRAY_TYPES = { Float64Array, Float32Array, Uint32Array, Uint16Array, Uint8Array, Int32Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type TypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

interface ArrayPlaceholder {
  $array: number;
}

interface Header {
  magic: string;
  /** The layer file the parts were computed from (its ETag), so a client never pairs parts and text of different versions. */
  sourceTag: string;
  parts: unknown;
  arrays: { type: ArrayTypeName; byteOffset: number; length: number }[];
}

const align = (offset: number) => Math.ceil(offset / ALIGNMENT) * ALIGNMENT;

function isArrayTypeName(name: string): name is ArrayTypeName {
  return Object.hasOwn(ARRAY_TYPES, name);
}

export function encodeLayerParts(parts: EncodedLayerParts, sourceTag: string): Uint8Array {
  const arrays: TypedArray[] = [];
  const body = JSON.parse(JSON.stringify(parts, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) {
      arrays.push(value as TypedArray);
      const placeholder: ArrayPlaceholder = { $array: arrays.length - 1 };
      return placeholder;
    }
    return value;
  })) as unknown;
  let byteOffset = 0;
  const layout = arrays.map((array) => {
    const name = array.constructor.name;
    if (!isArrayTypeName(name)) throw new Error(`layer parts: cannot encode a ${name}`);
    byteOffset = align(byteOffset);
    const entry = { type: name, byteOffset, length: array.length };
    byteOffset += array.byteLength;
    return entry;
  });
  const header: Header = { magic: LAYER_PARTS_FORMAT, sourceTag, parts: body, arrays: layout };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align(4 + headerBytes.byteLength);
  const blob = new Uint8Array(dataStart + byteOffset);
  new DataView(blob.buffer).setUint32(0, headerBytes.byteLength, true);
  blob.set(headerBytes, 4);
  arrays.forEach((array, index) => {
    blob.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + (layout[index]?.byteOffset ?? 0));
  });
  return blob;
}

/** Parts as the server sends them, and the version (ETag) of the layer file they were computed from. */
export interface DecodedLayerParts {
  sourceTag: string;
  parts: EncodedLayerParts;
}

/** The parts in `blob` (views into it, no copies); null when the blob is not parts of this format. */
export function decodeLayerParts(blob: ArrayBuffer): DecodedLayerParts | null {
  if (blob.byteLength < 4) return null;
  const headerLength = new DataView(blob).getUint32(0, true);
  if (4 + headerLength > blob.byteLength) return null;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(blob, 4, headerLength))) as Header;
  } catch {
    return null;
  }
  if (header.magic !== LAYER_PARTS_FORMAT || typeof header.sourceTag !== 'string') return null;
  const dataStart = align(4 + headerLength);
  const arrays = header.arrays.map(({ type, byteOffset, length }) => new ARRAY_TYPES[type](blob, dataStart + byteOffset, length));
  const withArrays = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if ('$array' in value) return arrays[(value as ArrayPlaceholder).$array];
    if (Array.isArray(value)) return value.map(withArrays);
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withArrays(member)]));
  };
  return { sourceTag: header.sourceTag, parts: withArrays(header.parts) as EncodedLayerParts };
}
