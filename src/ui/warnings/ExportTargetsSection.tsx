import { useState } from 'react';
import type { Manifest } from '../../domain/plan/manifest';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import { districtStats, type TiledLayerGroups } from '../../domain/progress/districtStats';
import { targetsCsvFileName, targetsCsvText } from '../../domain/export/targetsCsvText';
import { downloadTextFile } from '../downloadTextFile';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

interface ExportTargetsSectionProps {
  manifest: Manifest;
  layers: readonly MeasuredLayer[];
  /** The day the timeline shows: progress as of then. */
  asOfDate: string;
  /** The tiled layers' groups on that day (the database's counts). */
  tiledGroups?: TiledLayerGroups;
}

/** 规划目标进度 CSV in the export dialog: every target of the whole district on the day shown, in the UI's language. */
export function ExportTargetsSection({ manifest, layers, asOfDate, tiledGroups }: ExportTargetsSectionProps) {
  const t = useTranslation();
  const [written, setWritten] = useState<string | null>(null);
  const download = () => {
    // A target is a fact of the plan: the whole district's, whatever the view filter.
    const stats = districtStats(manifest, layers, { layers: {} }, asOfDate, tiledGroups);
    const fileName = targetsCsvFileName(asOfDate);
    downloadTextFile(targetsCsvText(stats, t.locale), fileName, 'text/csv;charset=utf-8');
    setWritten(fileName);
  };
  return (
    <fieldset className="export-targets">
      <legend>{t('exportTargetsTitle')}</legend>
      <p className="export-hint">{fillMessage(t('exportTargetsHint'), { date: asOfDate })}</p>
      <button type="button" className="button-quiet export-targets-download" onClick={download}>{t('exportTargetsDownload')}</button>
      {written && <p className="export-done" role="status">{fillMessage(t('exportTargetsDone'), { file: written })}</p>}
    </fieldset>
  );
}
