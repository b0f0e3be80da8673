import { color, picking, project32, type Accessor, type Attribute, type Color, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { NonInstancedLayer, type RowVertices } from '../NonInstancedLayer';
import { edgeLineFragmentShader, edgeLineVertexShader } from './edgeLineShaders';

/** Vertices shared with the fills, grouped in parts, and the edges between them as index pairs. */
export interface EdgeLines {
  partCount: number;
  /** Vertex index where each part starts (partCount + 1 entries). */
  partStart: Uint32Array;
  /** lon/lat offsets, two per vertex. */
  positions: Float32Array;
  /** Two vertex indices per edge. */
  edges: Uint32Array;
}

interface EdgeLineLayerOwnProps<DataT> {
  /** One data row per part. */
  lines: EdgeLines;
  getColor?: Accessor<DataT, Color>;
}

export type EdgeLineLayerProps<DataT = unknown> = EdgeLineLayerOwnProps<DataT> & LayerProps;

const EMPTY_LINES: EdgeLines = { partCount: 0, partStart: new Uint32Array(1), positions: new Float32Array(0), edges: new Uint32Array(0) };

const defaultProps: DefaultProps<EdgeLineLayerProps> = {
  lines: { type: 'object', value: EMPTY_LINES, compare: true },
  getColor: { type: 'accessor', value: [0, 0, 0, 255] },
};

/**
 * Outlines as one-pixel GL lines: the vertex array of the polygons as it is, an index pair per
 * edge, per-part accessors (colour, DataFilterExtension's categories) expanded to the part's
 * vertices by deck.gl. Not pickable: the fills under them are.
 */
export class EdgeLineLayer<DataT = unknown, ExtraProps extends object = object> extends NonInstancedLayer<ExtraProps & Required<EdgeLineLayerOwnProps<DataT>> & LayerProps> {
  static override layerName = 'EdgeLineLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    return super.getShaders({
      vs: edgeLineVertexShader,
      fs: edgeLineFragmentShader,
      defines: { NON_INSTANCED_MODEL: 1 },
      modules: [project32, color, picking],
    });
  }

  override initializeState(): void {
    // deck.gl hands the attribute manager to the next layer object of the same id: updaters read
    // the props they are given, never a captured `this`.
    type Updater = (attribute: Attribute, context: { props: EdgeLineLayerOwnProps<DataT> }) => void;
    const fromLines = (key: 'edges' | 'positions'): Updater => (attribute, { props }) => {
      attribute.value = props.lines[key];
    };
    this.getAttributeManager()?.add({
      indices: { size: 1, isIndexed: true, noAlloc: true, update: fromLines('edges') },
      positions: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromLines('positions') },
      colors: { size: 4, type: 'unorm8', stepMode: 'dynamic', accessor: 'getColor', defaultValue: [0, 0, 0, 255] },
    });
  }

  protected readonly topology = 'line-list';

  protected rowVertices(): RowVertices {
    const { lines } = this.props;
    return { rowCount: lines.partCount, rowStarts: lines.partStart, indexCount: lines.edges.length };
  }

  protected geometryChanged({ props, oldProps }: UpdateParameters<this>): boolean {
    return props.lines !== oldProps.lines;
  }
}
