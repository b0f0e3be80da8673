/*
 * One-pixel edges as GL lines over a layer's own vertex array: no instancing (each instance is a
 * separate draw in SwiftShader, see segmentQuadShaders) and no copy of the positions.
 */

export const edgeLineVertexShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME edge-line-layer-vertex-shader

in vec2 positions;
in vec4 colors;

out vec4 vColor;

void main(void) {
  vec3 world = vec3(positions, 0.0);
  geometry.worldPosition = world;
  geometry.pickingColor = vec3(0.0);
  vec4 position = project_position_to_clipspace(world, vec3(0.0), vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(position, geometry);
  gl_Position = position;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

export const edgeLineFragmentShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME edge-line-layer-fragment-shader

precision highp float;

in vec4 vColor;

out vec4 fragColor;

void main(void) {
  fragColor = vColor;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;
