import { lazy } from 'react';
import { LazyPanel } from './LazyPanel';
import type { Manifest } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { ViewState } from './viewState';
import type { TiledLayerGroups } from '../domain/progress/districtStats';
import { useTranslation } from './LocaleContext';
import { DialogButton } from './DialogButton';

/** Loaded on first use: the Gauss-Krüger projection (proj4) is for exports only. */
const ExportDataDialog = lazy(() => import('./ExportDataDialog').then((module) => ({ default: module.ExportDataDialog })));

interface ExportDataButtonProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  view: ViewState;
  /** The day the map shows (YYYY-MM-DD). */
  asOfDate: string;
  today: string;
  /** Layers drawn from vector tiles: not offered (their projects are not on the page). */
  tiledLayerIds?: ReadonlySet<string>;
  /** Tiled layers' groups: their targets are counted from them. */
  tiledGroups?: TiledLayerGroups;
}

/** "导出数据" in the top bar, for every user: opens the export dialog, and takes focus back when it closes. */
export function ExportDataButton(props: ExportDataButtonProps) {
  const t = useTranslation();
  return (
    <DialogButton
      className="button-quiet export-data"
      label={t('exportData')}
      dialog={(close) => <LazyPanel><ExportDataDialog {...props} onClose={close} /></LazyPanel>}
    />
  );
}
