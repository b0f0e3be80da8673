import { earcut } from '@math.gl/polygon';
import type { Position } from 'geojson';
import type { PlanFeature } from '../plan/planFeature';
import type { GeometryKind } from '../plan/manifest';
import { simplifiedRing } from '../measure/simplifiedRing';

/**
 * Every feature of a layer flattened for drawing: one "part" per Polygon (a MultiPolygon gives
 * several), per LineString or per point (a MultiPoint gives one part of one vertex per point, so
 * part i is vertex i of a point layer), vertices as lon/lat pairs (rings keep their closing vertex, so
 * consecutive vertices of a ring are its edges), polygons triangulated once. The map hands
 * these arrays to the GPU as they are.
 */
export interface GeometryColumns {
  kind: GeometryKind;
  partCount: number;
  vertexCount: number;
  /** Where positions are measured from: the centre of the layer's extent, lon/lat degrees. */
  origin: [number, number];
  /**
   * lon0, lat0, lon1, lat1, … minus the origin: vertexCount pairs. Single precision keeps about
   * 1 cm within a city's extent, halves the memory and goes to the GPU without conversion.
   */
  positions: Float32Array;
  /** Vertex index where each part starts, partCount + 1 entries. */
  partStart: Uint32Array;
  /** The feature index each part belongs to. */
  partFeature: Uint32Array;
  /** Vertex index where each ring (or path) starts, ringCount + 1 entries. */
  ringStart: Uint32Array;
  /** Triangles of all polygon parts as vertex indices (three per triangle); empty for lines. */
  triangles: Uint32Array;
  /** Polygons only: the same parts simplified for drawing below OVERVIEW_MAX_ZOOM. */
  overview?: OverviewGeometry;
}

/**
 * Polygon parts with each ring simplified to within half a pixel at OVERVIEW_MAX_ZOOM, and so at
 * every zoom below it: part i here is part i of the full geometry (same feature), with its own
 * vertices (same origin) and triangles. At a city's overview most parcels are a few pixels wide
 * and keep three or four of their vertices; software GL pays for every vertex and triangle.
 */
export interface OverviewGeometry {
  vertexCount: number;
  positions: Float32Array;
  partStart: Uint32Array;
  ringStart: Uint32Array;
  triangles: Uint32Array;
}

/** The overview geometry is drawn below this zoom; from it on, every vertex. */
export const OVERVIEW_MAX_ZOOM = 13;

/** Half a pixel at OVERVIEW_MAX_ZOOM in Web Mercator degrees (512-pixel tiles: 360° spans 512 · 2^z pixels). */
const OVERVIEW_TOLERANCE_DEGREES = (0.5 * 360) / (512 * 2 ** OVERVIEW_MAX_ZOOM);

const DEGREES = 180 / Math.PI;

/** Web Mercator northing in degrees: the map's own plane, where the triangles must not overlap. */
function mercatorY(latitude: number): number {
  const clamped = Math.max(-85.05, Math.min(85.05, latitude));
  return Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * DEGREES;
}

function partsOf(feature: PlanFeature, kind: GeometryColumns['kind']): (readonly (readonly Position[])[])[] {
  const geometry = feature.geometry;
  if (!geometry) return [];
  if (kind === 'polygon') {
    if (geometry.type === 'Polygon') return [geometry.coordinates];
    if (geometry.type === 'MultiPolygon') return geometry.coordinates;
    return [];
  }
  if (kind === 'point') {
    if (geometry.type === 'Point') return [[[geometry.coordinates]]];
    if (geometry.type === 'MultiPoint') return geometry.coordinates.map((point) => [[point]]);
    return [];
  }
  if (geometry.type === 'LineString') return [[geometry.coordinates]];
  if (geometry.type === 'MultiLineString') return geometry.coordinates.map((line) => [line]);
  return [];
}

class GrowingArray<T extends Float64Array | Uint32Array> {
  length = 0;
  constructor(public values: T, private readonly make: (size: number) => T) {}
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(Math.max(16, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  trimmed(): T {
    return this.values.slice(0, this.length) as T;
  }
}

const floats = (size: number) => new Float64Array(size);
const integers = (size: number) => new Uint32Array(size);

function extentCentre(degrees: Float64Array): [number, number] {
  if (degrees.length === 0) return [0, 0];
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let index = 0; index < degrees.length; index += 2) {
    const longitude = degrees[index] ?? 0;
    const latitude = degrees[index + 1] ?? 0;
    if (longitude < west) west = longitude;
    if (longitude > east) east = longitude;
    if (latitude < south) south = latitude;
    if (latitude > north) north = latitude;
  }
  return [(west + east) / 2, (south + north) / 2];
}

function offsetsFrom(degrees: Float64Array, origin: [number, number]): Float32Array {
  const offsets = new Float32Array(degrees.length);
  for (let index = 0; index < degrees.length; index += 2) {
    offsets[index] = (degrees[index] ?? 0) - origin[0];
    offsets[index + 1] = (degrees[index + 1] ?? 0) - origin[1];
  }
  return offsets;
}

/**
 * Flattens and triangulates features one at a time, so a loader can drop each feature's
 * coordinates as soon as they are added (geometryColumns for a whole array).
 */
export class GeometryColumnsBuilder {
  private readonly positions = new GrowingArray(floats(1024), floats);
  private readonly partStart = new GrowingArray(integers(256), integers);
  private readonly partFeature = new GrowingArray(integers(256), integers);
  private readonly ringStart = new GrowingArray(integers(256), integers);
  private readonly triangles = new GrowingArray(integers(1024), integers);
  private readonly planar: number[] = [];
  private readonly holeStarts: number[] = [];
  private vertexCount = 0;
  private readonly overview = new OverviewBuilder();

  constructor(private readonly kind: GeometryColumns['kind']) {}

  /** Adds the parts of `kind` in the feature's geometry (none if it has other geometry or none). */
  add(feature: PlanFeature, featureIndex: number): void {
    const { kind, positions, planar, holeStarts } = this;
    for (const rings of partsOf(feature, kind)) {
      const partFirstVertex = this.vertexCount;
      this.partStart.push(partFirstVertex);
      this.partFeature.push(featureIndex);
      planar.length = 0;
      holeStarts.length = 0;
      rings.forEach((ring, ringIndex) => {
        this.ringStart.push(this.vertexCount);
        if (ringIndex > 0) holeStarts.push(planar.length / 2);
        for (const position of ring) {
          const longitude = Number(position[0]);
          const latitude = Number(position[1]);
          positions.push(longitude);
          positions.push(latitude);
          if (kind === 'polygon') planar.push(longitude, mercatorY(latitude));
          this.vertexCount++;
        }
      });
      if (kind === 'polygon' && planar.length >= 6) {
        for (const vertex of earcut(planar, holeStarts.length > 0 ? holeStarts : undefined, 2)) this.triangles.push(partFirstVertex + vertex);
      }
      if (kind === 'polygon') this.overview.addPart(planar, holeStarts, positions.values, 2 * partFirstVertex);
    }
  }

  finish(): GeometryColumns {
    const { vertexCount } = this;
    this.partStart.push(vertexCount);
    this.ringStart.push(vertexCount);
    const degrees = this.positions.trimmed();
    const origin = extentCentre(degrees);
    return {
      kind: this.kind,
      partCount: this.partFeature.length,
      vertexCount,
      origin,
      positions: offsetsFrom(degrees, origin),
      partStart: this.partStart.trimmed(),
      partFeature: this.partFeature.trimmed(),
      ringStart: this.ringStart.trimmed(),
      triangles: this.triangles.trimmed(),
      ...(this.kind === 'polygon' ? { overview: this.overview.finish(origin) } : {}),
    };
  }
}

/** The overview parts, built beside the full ones from the same planar rings. */
class OverviewBuilder {
  private readonly positions = new GrowingArray(floats(1024), floats);
  private readonly partStart = new GrowingArray(integers(256), integers);
  private readonly ringStart = new GrowingArray(integers(256), integers);
  private readonly triangles = new GrowingArray(integers(1024), integers);
  private readonly planar: number[] = [];
  private readonly holeStarts: number[] = [];
  private vertexCount = 0;

  /**
   * `rings` holds lon, mercator-y pairs of the part's rings, holes starting at `holeStarts` (in
   * points); `degrees` holds the same points as lon, lat from `degreesOffset` on.
   */
  addPart(rings: readonly number[], holeStarts: readonly number[], degrees: Float64Array, degreesOffset: number): void {
    const partFirstVertex = this.vertexCount;
    this.partStart.push(partFirstVertex);
    const { planar } = this;
    planar.length = 0;
    this.holeStarts.length = 0;
    const ringBounds = [0, ...holeStarts, rings.length / 2];
    for (let ring = 0; ring + 1 < ringBounds.length; ring++) {
      const ringPoints = rings.slice(2 * (ringBounds[ring] ?? 0), 2 * (ringBounds[ring + 1] ?? 0));
      const kept = simplifiedRing(ringPoints, OVERVIEW_TOLERANCE_DEGREES, ring === 0);
      if (!kept || kept.length === 0) continue;
      if (ring > 0) this.holeStarts.push(planar.length / 2);
      this.ringStart.push(this.vertexCount);
      for (const point of kept) {
        const at = degreesOffset + 2 * ((ringBounds[ring] ?? 0) + point);
        planar.push(ringPoints[2 * point] ?? 0, ringPoints[2 * point + 1] ?? 0);
        this.positions.push(degrees[at] ?? 0);
        this.positions.push(degrees[at + 1] ?? 0);
        this.vertexCount++;
      }
    }
    if (planar.length >= 6) {
      for (const vertex of earcut(planar, this.holeStarts.length > 0 ? this.holeStarts : undefined, 2)) this.triangles.push(partFirstVertex + vertex);
    }
  }

  finish(origin: [number, number]): OverviewGeometry {
    this.partStart.push(this.vertexCount);
    this.ringStart.push(this.vertexCount);
    return {
      vertexCount: this.vertexCount,
      positions: offsetsFrom(this.positions.trimmed(), origin),
      partStart: this.partStart.trimmed(),
      ringStart: this.ringStart.trimmed(),
      triangles: this.triangles.trimmed(),
    };
  }
}

/** Flattens and triangulates the features' geometry; features without a geometry of `kind` get no parts. */
export function geometryColumns(features: readonly PlanFeature[], kind: GeometryColumns['kind']): GeometryColumns {
  const builder = new GeometryColumnsBuilder(kind);
  features.forEach((feature, featureIndex) => builder.add(feature, featureIndex));
  return builder.finish();
}
