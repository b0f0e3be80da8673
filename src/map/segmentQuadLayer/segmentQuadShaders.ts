import type { ShaderModule } from '@luma.gl/shadertools';

/*
 * Wide segments drawn as plain indexed triangles, four vertices per segment. deck.gl's LineLayer
 * draws one instance per segment; SwiftShader (software GL on kiosk PCs and this machine) runs each
 * instance as its own draw, about 17 µs apiece, so 26k road segments cost 0.45 s a frame where
 * the same triangles without instancing cost a few milliseconds (npm run bench).
 */

const uniformBlock = /* glsl */ `\
layout(std140) uniform segmentUniforms {
  float widthMinPixels;
  highp int widthUnits;
} segment;
`;

export type SegmentUniformProps = {
  widthMinPixels: number;
  widthUnits: number;
};

export const segmentUniforms = {
  name: 'segment',
  source: '',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { widthMinPixels: 'f32', widthUnits: 'i32' },
} as const satisfies ShaderModule<SegmentUniformProps>;

/** The extrusion follows deck.gl's LineLayer (source → target in clip space, offset across in pixels). */
export const segmentQuadVertexShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME segment-quad-layer-vertex-shader

in vec2 corners;
in vec2 sourcePositions;
in vec2 targetPositions;
in vec4 colors;
in float widths;
in float rowIndexes;

out vec4 vColor;
out vec2 uv;

void main(void) {
  vec3 sourceWorld = vec3(sourcePositions, 0.0);
  vec3 targetWorld = vec3(targetPositions, 0.0);
  geometry.worldPosition = sourceWorld;
  geometry.worldPositionAlt = targetWorld;

  vec4 sourceCommon;
  vec4 targetCommon;
  vec4 source = project_position_to_clipspace(sourceWorld, vec3(0.0), vec3(0.0), sourceCommon);
  vec4 target = project_position_to_clipspace(targetWorld, vec3(0.0), vec3(0.0), targetCommon);

  vec4 position = mix(source, target, corners.x);
  geometry.position = mix(sourceCommon, targetCommon, corners.x);
  uv = corners;
  geometry.uv = uv;
  geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);

  float widthPixels = max(project_size_to_pixel(widths, segment.widthUnits), segment.widthMinPixels);
  vec2 alongPixels = (target.xy - source.xy) * project.viewportSize;
  vec2 along = length(alongPixels) > 0.0 ? normalize(alongPixels) : vec2(1.0, 0.0);
  vec3 offset = vec3(vec2(-along.y, along.x) * corners.y * widthPixels / 2.0, 0.0);
  DECKGL_FILTER_SIZE(offset, geometry);
  DECKGL_FILTER_GL_POSITION(position, geometry);
  gl_Position = position + vec4(project_pixel_size_to_clipspace(offset.xy), 0.0, 0.0);

  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

export const segmentQuadFragmentShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME segment-quad-layer-fragment-shader

precision highp float;

in vec4 vColor;
in vec2 uv;

out vec4 fragColor;

void main(void) {
  geometry.uv = uv;
  fragColor = vColor;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;
