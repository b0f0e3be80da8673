import { color, picking, project32, type Accessor, type Attribute, type Color, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { NonInstancedLayer, type RowVertices } from '../NonInstancedLayer';
import { partMeshFragmentShader, partMeshVertexShader } from './partMeshShaders';

/** Vertices grouped by polygon part, and the triangles (or edges) between them as vertex indices. */
export interface PartMesh {
  partCount: number;
  /** Vertex index where each part starts (partCount + 1 entries). */
  partStart: Uint32Array;
  /** lon/lat offsets from the layer's coordinate origin, two per vertex. */
  positions: Float32Array;
  /** Three vertex indices per triangle, or two per edge. */
  indices: Uint32Array;
}

interface PartMeshLayerOwnProps<DataT> {
  /** One data row per part. */
  mesh: PartMesh;
  /** Fills draw triangles, outlines one-pixel lines. */
  topology: 'triangle-list' | 'line-list';
  getColor?: Accessor<DataT, Color>;
}

export type PartMeshLayerProps<DataT = unknown> = PartMeshLayerOwnProps<DataT> & LayerProps;

const EMPTY_MESH: PartMesh = { partCount: 0, partStart: new Uint32Array(1), positions: new Float32Array(0), indices: new Uint32Array(0) };

const defaultProps: DefaultProps<PartMeshLayerProps> = {
  mesh: { type: 'object', value: EMPTY_MESH, compare: true },
  topology: 'triangle-list',
  getColor: { type: 'accessor', value: [0, 0, 0, 255] },
};

/**
 * Polygon fills or outlines in one indexed draw: the positions array goes to the GPU as it is
 * (outlines share the fills' array); per-part accessors (colour, DataFilterExtension's
 * categories) are expanded to the part's vertices by deck.gl. Picking reports the part index.
 */
export class PartMeshLayer<DataT = unknown, ExtraProps extends object = object> extends NonInstancedLayer<ExtraProps & Required<PartMeshLayerOwnProps<DataT>> & LayerProps> {
  static override layerName = 'PartMeshLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    return super.getShaders({
      vs: partMeshVertexShader,
      fs: partMeshFragmentShader,
      defines: { NON_INSTANCED_MODEL: 1 },
      modules: [project32, color, picking],
    });
  }

  override initializeState(): void {
    // deck.gl hands the attribute manager to the next layer object of the same id: updaters read
    // the props they are given, never a captured `this`.
    type Updater = (attribute: Attribute, context: { props: PartMeshLayerOwnProps<DataT> }) => void;
    const fromMesh = (key: 'indices' | 'positions'): Updater => (attribute, { props }) => {
      attribute.value = props.mesh[key];
    };
    this.getAttributeManager()?.add({
      indices: { size: 1, isIndexed: true, noAlloc: true, update: fromMesh('indices') },
      positions: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromMesh('positions') },
      colors: { size: 4, type: 'unorm8', stepMode: 'dynamic', accessor: 'getColor', defaultValue: [0, 0, 0, 255] },
      rowIndexes: { size: 1, type: 'uint32', stepMode: 'dynamic', accessor: (_: unknown, { index }: { index: number }) => index },
    });
  }

  protected get topology(): PartMeshLayerOwnProps<DataT>['topology'] {
    return this.props.topology;
  }

  protected rowVertices(): RowVertices {
    const { mesh } = this.props;
    return { rowCount: mesh.partCount, rowStarts: mesh.partStart, indexCount: mesh.indices.length };
  }

  protected geometryChanged({ props, oldProps }: UpdateParameters<this>): boolean {
    return props.mesh !== oldProps.mesh;
  }
}
