import { UNIT, color, picking, project32, type Accessor, type Color, type DefaultProps, type LayerProps, type Unit, type UpdateParameters } from '@deck.gl/core';
import type { Model } from '@luma.gl/engine';
import { NonInstancedLayer, type RowVertices } from '../NonInstancedLayer';
import type { Attribute } from '@deck.gl/core';
import { segmentQuadFragmentShader, segmentQuadVertexShader, segmentUniforms, type SegmentUniformProps } from './segmentQuadShaders';
import type { SegmentQuads } from './segmentQuads';

interface SegmentQuadLayerOwnProps<DataT> {
  /** The quads (segmentQuads); one data row per segment. */
  quads: SegmentQuads;
  getColor?: Accessor<DataT, Color>;
  /** Width of each segment in `widthUnits`. */
  getWidth?: Accessor<DataT, number>;
  widthUnits?: Unit;
  widthMinPixels?: number;
}

export type SegmentQuadLayerProps<DataT = unknown> = SegmentQuadLayerOwnProps<DataT> & LayerProps;

const EMPTY_QUADS: SegmentQuads = {
  segmentCount: 0,
  segmentFeature: new Uint32Array(0),
  vertexStarts: new Uint32Array(1),
  corners: new Float32Array(0),
  sourcePositions: new Float32Array(0),
  targetPositions: new Float32Array(0),
  indices: new Uint32Array(0),
};

const defaultProps: DefaultProps<SegmentQuadLayerProps> = {
  quads: { type: 'object', value: EMPTY_QUADS, compare: true },
  getColor: { type: 'accessor', value: [0, 0, 0, 255] },
  getWidth: { type: 'accessor', value: 1 },
  widthUnits: 'pixels',
  widthMinPixels: { type: 'number', value: 0, min: 0 },
};

/**
 * deck.gl's LineLayer without instancing: each segment is four vertices and two indexed
 * triangles, extruded across in the vertex shader. Picking reports the segment index.
 */
export class SegmentQuadLayer<DataT = unknown, ExtraProps extends object = object> extends NonInstancedLayer<ExtraProps & Required<SegmentQuadLayerOwnProps<DataT>> & LayerProps> {
  static override layerName = 'SegmentQuadLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    return super.getShaders({
      vs: segmentQuadVertexShader,
      fs: segmentQuadFragmentShader,
      defines: { NON_INSTANCED_MODEL: 1 },
      modules: [project32, color, picking, segmentUniforms],
    });
  }

  override initializeState(): void {
    // deck.gl hands the attribute manager to the next layer object of the same id: updaters read
    // the props they are given, never a captured `this`.
    type Updater = (attribute: Attribute, context: { props: SegmentQuadLayerOwnProps<DataT> }) => void;
    const fromQuads = (key: 'corners' | 'sourcePositions' | 'targetPositions' | 'indices'): Updater => (attribute, { props }) => {
      attribute.value = props.quads[key];
    };
    this.getAttributeManager()?.add({
      indices: { size: 1, isIndexed: true, noAlloc: true, update: fromQuads('indices') },
      corners: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromQuads('corners') },
      sourcePositions: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromQuads('sourcePositions') },
      targetPositions: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromQuads('targetPositions') },
      colors: { size: 4, type: 'unorm8', stepMode: 'dynamic', accessor: 'getColor', defaultValue: [0, 0, 0, 255] },
      widths: { size: 1, type: 'float32', stepMode: 'dynamic', accessor: 'getWidth', defaultValue: 1 },
      rowIndexes: { size: 1, type: 'uint32', stepMode: 'dynamic', accessor: (_: unknown, { index }: { index: number }) => index },
    });
  }

  protected readonly topology = 'triangle-list';

  protected rowVertices(): RowVertices {
    const { quads } = this.props;
    return { rowCount: quads.segmentCount, rowStarts: quads.vertexStarts, indexCount: quads.indices.length };
  }

  protected geometryChanged({ props, oldProps }: UpdateParameters<this>): boolean {
    return props.quads !== oldProps.quads;
  }

  protected override setUniforms(model: Model): void {
    const uniforms: SegmentUniformProps = { widthMinPixels: this.props.widthMinPixels, widthUnits: UNIT[this.props.widthUnits] };
    model.shaderInputs.setProps({ segment: uniforms });
  }
}
