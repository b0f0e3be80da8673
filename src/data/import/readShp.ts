import type { Geometry, Position } from 'geojson';
import { ImportError, importMessage } from './importMessage';
import { polygonFromShapefileRings } from './polygonFromShapefileRings';

/*
 * The .shp main file (ESRI Shapefile Technical Description, July 1998): a 100-byte header
 * (file code 9994 and file length in 16-bit words, big-endian; version 1000 and shape type,
 * little-endian), then records of an 8-byte big-endian header (record number, content length in
 * words; records are read in file order, as the .dbf rows pair with them) and little-endian content. Only x and y are read: the Z and M arrays that follow the
 * points of the Z/M variants are skipped, as the content length allows.
 */

export interface ShpRecords {
  /** One per record, in file order; null for a null shape. */
  geometries: (Geometry | null)[];
  /** Records whose shape type cannot be turned into GeoJSON (MultiPatch), read as null. */
  unsupported: number;
  orphanHoles: number;
}

const FILE_CODE = 9994;
const HEADER_BYTES = 100;

/** Shape types (p. 4); MultiPatch (31) has no GeoJSON counterpart. */
const ShapeType = {
  Null: 0,
  Point: 1,
  PolyLine: 3,
  Polygon: 5,
  MultiPoint: 8,
  PointZ: 11,
  PolyLineZ: 13,
  PolygonZ: 15,
  MultiPointZ: 18,
  PointM: 21,
  PolyLineM: 23,
  PolygonM: 25,
  MultiPointM: 28,
} as const;

const corrupt = (name: string, zh: string, en: string): ImportError =>
  new ImportError(importMessage('SHP_INVALID', `${name} 不是有效的 .shp 文件：${zh}`, `${name} is not a valid .shp file: ${en}`));

/** Little-endian reads bounded by one record's content; a read past it means a damaged record. */
class RecordReader {
  constructor(
    private readonly view: DataView,
    private readonly start: number,
    private readonly length: number,
    readonly fail: () => ImportError,
  ) {}

  private at(offset: number, size: number): number {
    if (offset < 0 || offset + size > this.length) throw this.fail();
    return this.start + offset;
  }

  int32(offset: number): number {
    return this.view.getInt32(this.at(offset, 4), true);
  }

  double(offset: number): number {
    return this.view.getFloat64(this.at(offset, 8), true);
  }

  points(offset: number, count: number): Position[] {
    this.at(offset, count * 16);
    const positions: Position[] = new Array<Position>(count);
    for (let i = 0; i < count; i++) positions[i] = [this.double(offset + 16 * i), this.double(offset + 16 * i + 8)];
    return positions;
  }
}

/** Part boundaries and points of a PolyLine/Polygon (p. 7): Box, NumParts, NumPoints, Parts[], Points[]. */
function readParts(record: RecordReader): Position[][] {
  const partCount = record.int32(36);
  const pointCount = record.int32(40);
  if (partCount < 0 || pointCount < 0) throw record.fail();
  const starts: number[] = [];
  for (let i = 0; i < partCount; i++) starts.push(record.int32(44 + 4 * i));
  const points = record.points(44 + 4 * partCount, pointCount);
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? pointCount;
    if (start < 0 || start > end || end > pointCount) throw record.fail();
    return points.slice(start, end);
  });
}

function readGeometry(record: RecordReader, type: number, result: ShpRecords): Geometry | null {
  switch (type) {
    case ShapeType.Null:
      return null;
    case ShapeType.Point:
    case ShapeType.PointZ:
    case ShapeType.PointM:
      return { type: 'Point', coordinates: [record.double(4), record.double(12)] };
    case ShapeType.MultiPoint:
    case ShapeType.MultiPointZ:
    case ShapeType.MultiPointM: {
      const count = record.int32(36);
      if (count < 0) throw record.fail();
      return count === 0 ? null : { type: 'MultiPoint', coordinates: record.points(40, count) };
    }
    case ShapeType.PolyLine:
    case ShapeType.PolyLineZ:
    case ShapeType.PolyLineM: {
      const parts = readParts(record).filter((part) => part.length > 0);
      const [only] = parts;
      if (!only) return null;
      return parts.length === 1 ? { type: 'LineString', coordinates: only } : { type: 'MultiLineString', coordinates: parts };
    }
    case ShapeType.Polygon:
    case ShapeType.PolygonZ:
    case ShapeType.PolygonM: {
      const polygon = polygonFromShapefileRings(readParts(record).filter((part) => part.length > 0));
      result.orphanHoles += polygon.orphanHoles;
      return polygon.geometry;
    }
    default:
      result.unsupported++;
      return null;
  }
}

/** The geometries of a .shp file, in record order; an ImportError when the file is damaged. */
export function readShp(bytes: Uint8Array, name: string): ShpRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getInt32(0, false) !== FILE_CODE)
    throw corrupt(name, '文件头不是 Shapefile（代码 9994）', 'the header is not a shapefile header (file code 9994)');
  const result: ShpRecords = { geometries: [], unsupported: 0, orphanHoles: 0 };
  // The header's file length is trusted only as far as the bytes really go.
  const end = Math.min(bytes.byteLength, view.getInt32(24, false) * 2);
  let offset = HEADER_BYTES;
  while (offset + 8 <= end) {
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const number = result.geometries.length + 1;
    const fail = () => corrupt(name, `第 ${number} 条记录不完整或已损坏`, `record ${number} is truncated or damaged`);
    if (contentBytes < 4 || offset + 8 + contentBytes > end) throw fail();
    const record = new RecordReader(view, offset + 8, contentBytes, fail);
    result.geometries.push(readGeometry(record, record.int32(0), result));
    offset += 8 + contentBytes;
  }
  return result;
}
