import { lazy, useCallback, useRef, useState } from 'react';
import { LazyPanel } from './LazyPanel';
import type { Manifest } from '../domain/manifest';
import type { MeasuredLayer } from '../domain/measuredLayer';
import type { ViewState } from './viewState';
import { useTranslation } from './LocaleContext';

/** Loaded on first use: the Gauss-Krüger projection (proj4) is for exports only. */
const ExportDataDialog = lazy(() => import('./ExportDataDialog').then((module) => ({ default: module.ExportDataDialog })));

interface ExportDataButtonProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  view: ViewState;
  /** The day the map shows (YYYY-MM-DD). */
  asOfDate: string;
  today: string;
}

/** "导出数据" in the top bar, for every user: opens the export dialog, and takes focus back when it closes. */
export function ExportDataButton(props: ExportDataButtonProps) {
  const t = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  return (
    <>
      <button ref={buttonRef} type="button" className="button-quiet export-data" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('exportData')}
      </button>
      {open && <LazyPanel><ExportDataDialog {...props} onClose={close} /></LazyPanel>}
    </>
  );
}
