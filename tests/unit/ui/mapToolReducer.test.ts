import { describe, expect, it } from 'vitest';
import { mapToolReducer, NO_TOOL, type MapTool, type MapToolAction } from '../../../src/ui/staff/mapToolReducer';

const click = (longitude: number, latitude: number): MapToolAction => ({ type: 'sketch', event: { type: 'click', position: [longitude, latitude], toleranceMeters: 5 } });
const run = (actions: MapToolAction[]): MapTool => actions.reduce(mapToolReducer, NO_TOOL);

describe('the editor\'s map tool', () => {
  it('goes from drawing to describing the finished shape, keeping the target layer', () => {
    const tool = run([{ type: 'startDrawing', layerId: 'urban-villages', kind: 'polygon' }, click(102.74, 25), click(102.741, 25), click(102.741, 25.001), { type: 'sketch', event: { type: 'finish' } }]);
    expect(tool.kind).toBe('describe');
    if (tool.kind === 'describe') {
      expect(tool.layerId).toBe('urban-villages');
      expect(tool.geometry.type).toBe('Polygon');
    }
  });

  it('stays drawing with the reason when a finish is refused, and stops on cancel', () => {
    const refused = run([{ type: 'startDrawing', layerId: 'roads', kind: 'line' }, click(102.74, 25), { type: 'sketch', event: { type: 'finish' } }]);
    expect(refused.kind === 'draw' && refused.sketch.problem?.en).toBe('a line needs at least 2 points; it has 1');
    expect(mapToolReducer(refused, { type: 'sketch', event: { type: 'cancel' } })).toBe(NO_TOOL);
  });

  it('ignores sketch events when not drawing, and switches to vertex editing and back', () => {
    const vertices = run([{ type: 'startVertices', layerId: 'roads', featureId: 'RD-01' }]);
    expect(mapToolReducer(vertices, click(102.74, 25))).toBe(vertices);
    expect(mapToolReducer(vertices, { type: 'stop' })).toBe(NO_TOOL);
  });
});
