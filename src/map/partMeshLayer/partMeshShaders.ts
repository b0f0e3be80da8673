/*
 * Polygon parts as the load worker made them, filled (triangles) or outlined (one-pixel GL
 * lines): two floats per vertex, a colour and a row index for picking, nothing else. deck.gl's
 * SolidPolygonLayer also fetches a 64-bit low part, an elevation, a line colour and a validity
 * flag per vertex and copies the positions; its PathLayer draws each edge as an instance, which
 * SwiftShader runs as a draw of its own (see segmentQuadShaders).
 */

export const partMeshVertexShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME part-mesh-layer-vertex-shader

in vec2 positions;
in vec4 colors;
in float rowIndexes;

out vec4 vColor;

void main(void) {
  vec3 world = vec3(positions, 0.0);
  geometry.worldPosition = world;
  geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
  vec4 position = project_position_to_clipspace(world, vec3(0.0), vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(position, geometry);
  gl_Position = position;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

export const partMeshFragmentShader = /* glsl */ `\
#version 300 es
#define SHADER_NAME part-mesh-layer-fragment-shader

precision highp float;

in vec4 vColor;

out vec4 fragColor;

void main(void) {
  fragColor = vColor;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;
