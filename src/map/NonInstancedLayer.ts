import { Layer, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';

/** What a NonInstancedLayer draws: data rows expanded to vertex ranges, and an index buffer. */
export interface RowVertices {
  rowCount: number;
  /** Vertex index where each row starts (rowCount + 1 entries). */
  rowStarts: Uint32Array;
  indexCount: number;
}

/**
 * A deck.gl layer drawn as one indexed, non-instanced draw (SwiftShader runs each instance of an
 * instanced draw as its own draw: see segmentQuadShaders). Per-row accessors, its own and
 * extensions' (DataFilterExtension), are expanded to each row's vertices by deck.gl, as for
 * SolidPolygonLayer.
 */
export abstract class NonInstancedLayer<PropsT extends object> extends Layer<PropsT> {
  declare state: { model?: Model; numInstances: number; startIndices: Uint32Array };

  protected abstract rowVertices(): RowVertices;
  protected abstract readonly topology: 'triangle-list' | 'line-list';
  /** Whether new props bring new geometry (the attributes must be rebuilt). */
  protected abstract geometryChanged(params: UpdateParameters<this>): boolean;
  /** Uniforms of the layer's own shader module, set before each draw. */
  protected setUniforms(_model: Model): void {}

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    const { changeFlags } = params;
    if (changeFlags.dataChanged || this.geometryChanged(params) || !this.state.startIndices) {
      const { rowCount, rowStarts } = this.rowVertices();
      this.setState({ numInstances: rowStarts[rowCount] ?? 0, startIndices: rowStarts });
      if (!changeFlags.dataChanged) this.getAttributeManager()?.invalidateAll();
    }
    if (changeFlags.extensionsChanged || !this.state.model) {
      this.state.model?.destroy();
      this.setState({
        model: new Model(this.context.device, {
          // Subclasses override getShaders() without arguments.
          ...this.getShaders(undefined),
          id: this.props.id,
          topology: this.topology,
          bufferLayout: this.getAttributeManager()?.getBufferLayouts({ isInstanced: false }) ?? [],
          isIndexed: true,
        }),
      });
      this.getAttributeManager()?.invalidateAll();
    }
  }

  override draw(): void {
    const model = this.state.model;
    if (!model) return;
    this.setUniforms(model);
    model.setVertexCount(this.rowVertices().indexCount);
    model.draw(this.context.renderPass);
  }
}
