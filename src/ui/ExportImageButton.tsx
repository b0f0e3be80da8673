import type { RefObject } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { PlanMapController } from '../map/PlanMapController';
import { DialogButton } from './DialogButton';
import { ExportImageDialog } from './ExportImageDialog';
import { useTranslation } from './LocaleContext';
import type { ViewState } from './viewState';

interface ExportImageButtonProps {
  controllerRef: RefObject<PlanMapController | null>;
  manifest: Manifest;
  view: ViewState;
  /** The day the map shows (YYYY-MM-DD). */
  asOfDate: string;
}

/** "导出图片" in the top bar: the map as a PNG, at the screen's size or on paper. */
export function ExportImageButton(props: ExportImageButtonProps) {
  const t = useTranslation();
  return <DialogButton className="button-quiet export-image" label={t('exportImage')} dialog={(close) => <ExportImageDialog {...props} onClose={close} />} />;
}
