import type { StartupReport } from './store/planStore';

/** What the server prints at start about what a crash left and what it repaired, one line each. */
export function startupReportLines(report: StartupReport): string[] {
  const lines: string[] = [];
  const { removedTempFiles, tornAudit, recoveredSaves, removedVersionFiles } = report;
  if (removedTempFiles.length > 0)
    lines.push(`已清理中断保存留下的临时文件 ${removedTempFiles.length} 个 / removed ${removedTempFiles.length} temporary file(s) left by an interrupted save`);
  if (tornAudit)
    lines.push(`审计日志末尾有 ${tornAudit.bytes} 字节不完整，已移到 ${tornAudit.sideFile} / the audit log ended in ${tornAudit.bytes} byte(s) of an incomplete record (${tornAudit.reason}), moved to ${tornAudit.sideFile}`);
  for (const save of recoveredSaves) {
    // A document's key is its file name (layers.json); a layer's is its id.
    const kind = save.layer.includes('.') ? '文件' : '图层';
    if (save.outcome === 'completed')
      lines.push(`${kind} ${save.layer} 的一次保存在崩溃前已生效，已补记其审计记录与版本 / a save of ${save.layer} was live before the crash: its audit record and version are now recorded (${save.toVersion})`);
    else if (save.outcome === 'discarded')
      lines.push(`${kind} ${save.layer} 的一次保存在崩溃前未生效，已丢弃，图层保持原样 / a save of ${save.layer} had not become live before the crash: dropped, the file is as it was (${save.toVersion})`);
    else lines.push(`${kind} ${save.layer} 的保存记录已损坏，已移到 ${save.setAside} / a damaged save intent of ${save.layer} was moved to ${save.setAside}`);
  }
  if (removedVersionFiles.length > 0)
    lines.push(`已删除未列入历史的版本文件 ${removedVersionFiles.length} 个 / removed ${removedVersionFiles.length} version file(s) no version entry listed`);
  return lines;
}
