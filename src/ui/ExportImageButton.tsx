import { useCallback, useRef, useState, type RefObject } from 'react';
import type { Manifest } from '../domain/manifest';
import type { PlanMapController } from '../map/PlanMapController';
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

/** "导出图片" in the top bar: opens the image size dialog, and takes focus back when it closes. */
export function ExportImageButton(props: ExportImageButtonProps) {
  const t = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button ref={buttonRef} type="button" className="button-quiet export-image" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('exportImage')}
      </button>
      {open && <ExportImageDialog {...props} onClose={close} />}
    </>
  );
}
