import { color, picking, project32, type Accessor, type Attribute, type Color, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import type { Model } from '@luma.gl/engine';
import { NonInstancedLayer, type RowVertices } from '../NonInstancedLayer';
import { pointQuadFragmentShader, pointQuadVertexShader, pointUniforms, type PointUniformProps } from './pointQuadShaders';
import type { PointQuads } from './pointQuads';

interface PointQuadLayerOwnProps<DataT> {
  /** The quads (pointQuads); one data row per point. */
  quads: PointQuads;
  getColor?: Accessor<DataT, Color>;
  /** Radius of each disc in CSS pixels, without its outline. */
  getRadiusPixels?: Accessor<DataT, number>;
  outlinePixels?: number;
  radiusScale?: number;
}

export type PointQuadLayerProps<DataT = unknown> = PointQuadLayerOwnProps<DataT> & LayerProps;

const EMPTY_QUADS: PointQuads = {
  pointCount: 0,
  vertexStarts: new Uint32Array(1),
  corners: new Float32Array(0),
  centers: new Float32Array(0),
  indices: new Uint32Array(0),
};

const defaultProps: DefaultProps<PointQuadLayerProps> = {
  quads: { type: 'object', value: EMPTY_QUADS, compare: true },
  getColor: { type: 'accessor', value: [0, 0, 0, 255] },
  getRadiusPixels: { type: 'accessor', value: 5 },
  outlinePixels: { type: 'number', value: 1.5, min: 0 },
  radiusScale: { type: 'number', value: 1, min: 0 },
};

/**
 * deck.gl's ScatterplotLayer (pixel radii, a white outline) without instancing: each point is
 * four vertices and two indexed triangles. Picking reports the point's row.
 */
export class PointQuadLayer<DataT = unknown, ExtraProps extends object = object> extends NonInstancedLayer<ExtraProps & Required<PointQuadLayerOwnProps<DataT>> & LayerProps> {
  static override layerName = 'PointQuadLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    return super.getShaders({
      vs: pointQuadVertexShader,
      fs: pointQuadFragmentShader,
      defines: { NON_INSTANCED_MODEL: 1 },
      modules: [project32, color, picking, pointUniforms],
    });
  }

  override initializeState(): void {
    // Updaters read the props they are given, never a captured `this` (SegmentQuadLayer).
    type Updater = (attribute: Attribute, context: { props: PointQuadLayerOwnProps<DataT> }) => void;
    const fromQuads = (key: 'corners' | 'centers' | 'indices'): Updater => (attribute, { props }) => {
      attribute.value = props.quads[key];
    };
    this.getAttributeManager()?.add({
      indices: { size: 1, isIndexed: true, noAlloc: true, update: fromQuads('indices') },
      corners: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromQuads('corners') },
      centers: { size: 2, type: 'float32', stepMode: 'dynamic', noAlloc: true, update: fromQuads('centers') },
      colors: { size: 4, type: 'unorm8', stepMode: 'dynamic', accessor: 'getColor', defaultValue: [0, 0, 0, 255] },
      radiusPixels: { size: 1, type: 'float32', stepMode: 'dynamic', accessor: 'getRadiusPixels', defaultValue: 5 },
      rowIndexes: { size: 1, type: 'uint32', stepMode: 'dynamic', accessor: (_: unknown, { index }: { index: number }) => index },
    });
  }

  protected readonly topology = 'triangle-list';

  protected rowVertices(): RowVertices {
    const { quads } = this.props;
    return { rowCount: quads.pointCount, rowStarts: quads.vertexStarts, indexCount: quads.indices.length };
  }

  protected geometryChanged({ props, oldProps }: UpdateParameters<this>): boolean {
    return props.quads !== oldProps.quads;
  }

  protected override setUniforms(model: Model): void {
    const uniforms: PointUniformProps = { outlinePixels: this.props.outlinePixels, radiusScale: this.props.radiusScale };
    model.shaderInputs.setProps({ point: uniforms });
  }
}
