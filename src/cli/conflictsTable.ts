import type { ControlLineShape } from '../domain/control/controlLineShape';
import type { ProjectConflict } from '../domain/control/planConflicts';
import { formatPercent } from '../domain/format/formatMeasure';
import { metersToKilometers, squareMetersToHectares } from '../domain/measure/units';
import { alignedRows } from './statsTable';

const fixed = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The readable report's 管控线冲突 section: per control line, each project in conflict with the part in conflict and its share. */
export function conflictsTable(shapes: readonly ControlLineShape[], conflicts: readonly ProjectConflict[]): string {
  if (shapes.length === 0) return '';
  const lines = ['管控线冲突'];
  for (const { definition } of shapes) {
    const ofLine = conflicts.filter((conflict) => conflict.controlLineId === definition.id);
    const rule = definition.rule === 'forbidden' ? '线内禁止建设' : '线外禁止建设';
    lines.push(`  ${definition.name.zh}（${definition.id}）${rule}：${ofLine.length} 个项目`);
    const rows = ofLine.map((conflict) => [
      `${conflict.layerId}/${conflict.featureId} ${conflict.name}`,
      conflict.lengthMeters > 0 && conflict.areaSquareMeters === 0 ? `${fixed.format(metersToKilometers(conflict.lengthMeters))} 公里` : `${fixed.format(squareMetersToHectares(conflict.areaSquareMeters))} 公顷`,
      `占项目 ${formatPercent(conflict.share * 100, 'zh')}`,
    ]);
    lines.push(...alignedRows(rows, '    '));
  }
  return `${lines.join('\n')}\n`;
}
