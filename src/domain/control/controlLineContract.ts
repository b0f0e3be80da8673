/**
 * One entry of layers.json's optional `controlLines`: a reference layer (三区三线, the lakeshore
 * protection line) that is drawn above the basemap and that projects are checked against. It is
 * not a plan layer: no statuses, no targets, nobody edits it through the app.
 */
import { array, described, named, object, optional, string, values } from '../contract/contractBuilders';
import type { Infer } from '../contract/Contract';
import { localizedTextContract } from '../plan/localizedText';

/** What overlapping a control line means. */
export const CONTROL_LINE_RULES = ['forbidden', 'outside-forbidden'] as const;
export const CONTROL_LINE_STYLES = ['outline', 'hatch'] as const;

export const controlLineContract = named('controlLine', object({
  id: string({
    pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
    description: '管控线 id，即文件名 geodata/<id>.geojson；不得与规划图层 id 相同。Control line id; also its file name (geodata/<id>.geojson); must differ from every plan layer id.',
  }),
  name: described(localizedTextContract, '管控线名称 Control line name'),
  color: string({ pattern: '^#[0-9A-Fa-f]{6}$', description: '线条颜色，#RRGGBB。Line colour, #RRGGBB.' }),
  style: values(CONTROL_LINE_STYLES, { description: '画法：outline 虚线轮廓，hatch 斜线填充。How it is drawn: a dashed outline or a diagonal hatch.' }),
  rule: values(CONTROL_LINE_RULES, {
    description: '冲突规则：forbidden 项目位于线内即冲突（生态保护红线、永久基本农田）；outside-forbidden 项目位于线外即冲突（城镇开发边界）。Conflict rule: forbidden, a project inside conflicts (red line, basic farmland); outside-forbidden, a project outside conflicts (urban development boundary).',
  }),
  exempt: optional(array(string({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' }), {
    uniqueItems: true,
    description: '不受此线约束的规划图层 id，如河道、生态修复项目；省略则约束全部规划图层。Plan layer ids this line does not constrain, e.g. river reaches or ecological restoration; omit to constrain every plan layer.',
  })),
}, { description: '管控线：不计入任何目标的参考图层，项目与其重叠即为冲突。A control line: a reference layer counted in no target; a project overlapping it (or outside it) is a conflict.' }));

export type ControlLineDefinition = Infer<typeof controlLineContract>;
export type ControlLineRule = ControlLineDefinition['rule'];
