import type { ShaderModule } from '@luma.gl/shadertools';

/*
 * Round points drawn as plain indexed triangles, a square of four vertices per point cut to a
 * disc in the fragment shader. deck.gl's ScatterplotLayer draws one instance per point, and
 * SwiftShader runs each instance as its own draw (segmentQuadShaders): 100,000 points would cost
 * seconds a frame.
 */

const uniformBlock = /* glsl */ `\
layout(std140) uniform pointUniforms {
  float outlinePixels;
  float radiusScale;
} point;
`;

export type PointUniformProps = {
  /** Width of the white ring around each disc, CSS pixels. */
  outlinePixels: number;
  /** Multiplies every radius: large screens draw larger points. */
  radiusScale: number;
};

export const pointUniforms = {
  name: 'point',
  source: '',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { outlinePixels: 'f32', radiusScale: 'f32' },
} as const satisfies ShaderModule<PointUniformProps>;

export const pointQuadVertexShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME point-quad-layer-vertex-shader

in vec2 corners;
in vec2 centers;
in vec4 colors;
in float radiusPixels;
in float rowIndexes;

out vec4 vColor;
out vec2 unitPosition;
out float outerPixels;

void main(void) {
  vec3 world = vec3(centers, 0.0);
  geometry.worldPosition = world;
  // One pixel more than the disc, for the smoothed edge.
  outerPixels = radiusPixels * point.radiusScale + point.outlinePixels + 1.0;
  unitPosition = corners;
  geometry.uv = corners;
  geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
  vec4 commonPosition;
  vec4 position = project_position_to_clipspace(world, vec3(0.0), vec3(0.0), commonPosition);
  geometry.position = commonPosition;
  vec3 offset = vec3(corners * outerPixels, 0.0);
  DECKGL_FILTER_SIZE(offset, geometry);
  DECKGL_FILTER_GL_POSITION(position, geometry);
  gl_Position = position + vec4(project_pixel_size_to_clipspace(offset.xy), 0.0, 0.0);
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

export const pointQuadFragmentShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME point-quad-layer-fragment-shader

precision highp float;

in vec4 vColor;
in vec2 unitPosition;
in float outerPixels;

out vec4 fragColor;

void main(void) {
  geometry.uv = unitPosition;
  float distancePixels = length(unitPosition) * outerPixels;
  float edgePixels = outerPixels - 1.0;
  if (distancePixels > outerPixels) discard;
  // Inside the ring: the status colour; the ring: white, so points read on any fill or basemap.
  float ring = smoothstep(edgePixels - point.outlinePixels - 0.5, edgePixels - point.outlinePixels + 0.5, distancePixels);
  vec4 color = mix(vColor, vec4(1.0, 1.0, 1.0, max(vColor.a, 0.9)), ring);
  color.a *= 1.0 - smoothstep(edgePixels - 0.5, edgePixels + 0.5, distancePixels);
  fragColor = color;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;
