import { useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { formatCount } from '../domain/format/formatMeasure';
import type { Manifest } from '../domain/plan/manifest';
import { PAPER_SIZES, PRINT_DOTS_PER_INCH, type ImageSize } from '../domain/print/paperPixels';
import type { PlanMapController } from '../map/PlanMapController';
import { exportedImagePixels, exportMapImage, PAPER_MESSAGE, type MapImageExport } from './exportMapImage';
import { fillMessage } from './fillMessage';
import { useTranslation } from './LocaleContext';
import { useModalFocus } from './useModalFocus';
import type { ViewState } from './viewState';

interface ExportImageDialogProps {
  controllerRef: RefObject<PlanMapController | null>;
  manifest: Manifest;
  view: ViewState;
  asOfDate: string;
  onClose: () => void;
}

const SIZES: readonly ImageSize[] = ['screen', ...PAPER_SIZES];

type Progress = { kind: 'idle' } | { kind: 'drawing'; size: ImageSize } | { kind: 'done'; image: MapImageExport } | { kind: 'failed'; reason: string };

/**
 * Chooses the PNG's size, the screen's or a sheet at 300 dpi, and downloads it. Stays open and
 * says what was written, and whether the GPU could draw the map at full print resolution.
 */
export function ExportImageDialog({ controllerRef, manifest, view, asOfDate, onClose }: ExportImageDialogProps) {
  const t = useTranslation();
  const dialogRef = useRef<HTMLFormElement | null>(null);
  useModalFocus(dialogRef, onClose);
  const [size, setSize] = useState<ImageSize>('a4-landscape');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const pixels = useMemo(() => {
    const controller = controllerRef.current;
    return new Map(SIZES.map((choice) => [choice, controller ? exportedImagePixels(controller, choice) : null]));
  }, [controllerRef]);
  const count = (value: number) => formatCount(value, t.locale);
  const sizeLabel = (choice: ImageSize): string => {
    const { width = 0, height = 0 } = pixels.get(choice) ?? {};
    if (choice === 'screen') return fillMessage(t('imageSizeScreen'), { width: count(width), height: count(height) });
    return fillMessage(t('imageSizePaper'), { paper: t(PAPER_MESSAGE[choice]), width: count(width), height: count(height), dpi: PRINT_DOTS_PER_INCH });
  };
  const shortLabel = (choice: ImageSize) => (choice === 'screen' ? sizeLabel(choice) : t(PAPER_MESSAGE[choice]));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const controller = controllerRef.current;
    if (!controller || progress.kind === 'drawing') return;
    setProgress({ kind: 'drawing', size });
    exportMapImage(controller, manifest, view, asOfDate, size).then(
      (image) => setProgress({ kind: 'done', image }),
      (error: unknown) => setProgress({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <div className="dialog-backdrop">
      <form ref={dialogRef} className="dialog export-dialog export-image-dialog" role="dialog" aria-modal="true" aria-labelledby="export-image-title" onSubmit={submit}>
        <h2 id="export-image-title">{t('exportImageTitle')}</h2>
        <fieldset>
          <legend>{t('imageSize')}</legend>
          {SIZES.map((choice) => (
            <label key={choice} className="check-row">
              <input type="radio" name="image-size" value={choice} checked={size === choice} onChange={() => setSize(choice)} />
              <span>{sizeLabel(choice)}</span>
            </label>
          ))}
          <p className="export-hint">{t('imageSizeHint')}</p>
        </fieldset>
        {progress.kind === 'drawing' && <p className="muted" role="status">{fillMessage(t('imageDrawing'), { size: shortLabel(progress.size) })}</p>}
        {progress.kind === 'done' && (
          <p className="export-done" role="status">
            {fillMessage(t('imageDone'), { file: progress.image.fileName, width: count(progress.image.width), height: count(progress.image.height) })}
            {progress.image.mapDotsPerInch !== undefined && progress.image.mapDotsPerInch < PRINT_DOTS_PER_INCH
              && ` ${fillMessage(t('imageMapCapped'), { dpi: PRINT_DOTS_PER_INCH, mapDpi: progress.image.mapDotsPerInch })}`}
          </p>
        )}
        {progress.kind === 'failed' && <p className="form-error" role="alert">{fillMessage(t('imageFailed'), { reason: progress.reason })}</p>}
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>{t('close')}</button>
          <button type="submit" className="export-download" disabled={progress.kind === 'drawing'}>{t('exportDownload')}</button>
        </div>
      </form>
    </div>
  );
}
