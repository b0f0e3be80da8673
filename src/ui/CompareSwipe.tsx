import { useEffect, useRef, useState, type Dispatch, type RefObject } from 'react';
import type { PlanMapController } from '../map/PlanMapController';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';

interface CompareSwipeProps {
  controllerRef: RefObject<PlanMapController | null>;
  compareDate: string;
  asOfDate: string;
  planStart: string;
  today: string;
  dispatch: Dispatch<ViewAction>;
}

const KEY_STEP = 0.02;

/**
 * A divider over the map: west of it the district on `compareDate`, east of it on `asOfDate`.
 * Drag it, or focus it and use the arrow keys; the left date can be changed in place.
 */
export function CompareSwipe({ controllerRef, compareDate, asOfDate, planStart, today, dispatch }: CompareSwipeProps) {
  const t = useTranslation();
  const [fraction, setFraction] = useState(0.5);
  const areaRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => controllerRef.current?.setSplitFraction(fraction), [controllerRef, fraction]);

  const moveTo = (clientX: number) => {
    const box = areaRef.current?.getBoundingClientRect();
    if (box && box.width > 0) setFraction(Math.min(0.98, Math.max(0.02, (clientX - box.left) / box.width)));
  };

  return (
    <div className="compare-swipe" ref={areaRef}>
      <div className="compare-label compare-label-left">
        <input
          type="date"
          aria-label={t('compareWith')}
          value={compareDate}
          min={planStart}
          max={today}
          onChange={(event) => event.target.value && dispatch({ type: 'setCompareDate', compareDate: event.target.value })}
        />
      </div>
      <div className="compare-label compare-label-right"><time dateTime={asOfDate}>{asOfDate}</time></div>
      <div
        className="compare-divider"
        style={{ left: `${fraction * 100}%` }}
        role="slider"
        tabIndex={0}
        aria-label={t('compareDivider')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        data-testid="compare-divider"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event.clientX);
        }}
        onPointerMove={(event) => { if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event.clientX); }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') setFraction((value) => Math.max(0.02, value - KEY_STEP));
          else if (event.key === 'ArrowRight') setFraction((value) => Math.min(0.98, value + KEY_STEP));
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      >
        <span className="compare-handle" aria-hidden="true">⇔</span>
      </div>
      <button type="button" className="compare-close" onClick={() => dispatch({ type: 'setCompareDate', compareDate: null })}>
        {t('endCompare')}
      </button>
    </div>
  );
}
