import { useEffect, useRef, useState, type Dispatch } from 'react';
import { utcDayNumber } from '../domain/progress/targetProgress';
import { isoDateFromDayNumber } from '../domain/dates/isoDateFromDayNumber';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';

interface TimelineProps {
  planStart: string;
  today: string;
  /** The date shown; null is today. */
  asOfDate: string | null;
  dispatch: Dispatch<ViewAction>;
  variant?: 'compact' | 'large';
  /** Whether a swipe comparison is on; the button starts one against the plan's start. */
  comparing?: boolean;
}

/** How long Play takes from the plan start to today, whatever the span. */
const PLAY_DURATION_MILLISECONDS = 12_000;
const PLAY_STEP_MILLISECONDS = 120;

/**
 * The district as of any day: dragging recolours the map and recomputes every number; Play walks
 * from the plan's start to today. Arrow keys move a day, PageUp/PageDown a month (native range input).
 */
export function Timeline({ planStart, today, asOfDate, dispatch, variant = 'compact', comparing = false }: TimelineProps) {
  const t = useTranslation();
  const firstDay = utcDayNumber(planStart);
  const lastDay = Math.max(firstDay, utcDayNumber(today));
  const shownDay = asOfDate ? Math.min(lastDay, Math.max(firstDay, utcDayNumber(asOfDate))) : lastDay;
  const [playing, setPlaying] = useState(false);
  const dayRef = useRef(shownDay);
  dayRef.current = shownDay;

  useEffect(() => {
    if (!playing) return;
    const step = Math.max(1, Math.round((lastDay - firstDay) * PLAY_STEP_MILLISECONDS / PLAY_DURATION_MILLISECONDS));
    if (dayRef.current >= lastDay) dispatch({ type: 'setAsOfDate', asOfDate: planStart });
    const timer = window.setInterval(() => {
      const next = Math.min(lastDay, (dayRef.current >= lastDay ? firstDay : dayRef.current) + step);
      dispatch({ type: 'setAsOfDate', asOfDate: next >= lastDay ? null : isoDateFromDayNumber(next) });
      if (next >= lastDay) setPlaying(false);
    }, PLAY_STEP_MILLISECONDS);
    return () => window.clearInterval(timer);
  }, [playing, firstDay, lastDay, planStart, dispatch]);

  const choose = (day: number) => {
    setPlaying(false);
    dispatch({ type: 'setAsOfDate', asOfDate: day >= lastDay ? null : isoDateFromDayNumber(day) });
  };

  const shownDate = isoDateFromDayNumber(shownDay);
  return (
    <div className={`timeline timeline-${variant}`} role="group" aria-label={t('timeline')}>
      <button
        type="button"
        className="timeline-play"
        aria-pressed={playing}
        onClick={() => setPlaying((value) => !value)}
        aria-label={playing ? t('pause') : t('play')}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <span className="timeline-edge">{planStart.slice(0, 7)}</span>
      <input
        type="range"
        min={firstDay}
        max={lastDay}
        step={1}
        value={shownDay}
        aria-label={t('timeline')}
        aria-valuetext={shownDate}
        onChange={(event) => choose(Number(event.target.value))}
      />
      <span className="timeline-edge">{today.slice(0, 7)}</span>
      <time className="timeline-date" dateTime={shownDate} data-testid="timeline-date">{shownDate}</time>
      {asOfDate && (
        <button type="button" className="link-button timeline-today" onClick={() => choose(lastDay)}>{t('today')}</button>
      )}
      <button
        type="button"
        className="link-button timeline-compare"
        aria-pressed={comparing}
        onClick={() => dispatch({ type: 'setCompareDate', compareDate: comparing ? null : planStart })}
      >
        {comparing ? t('endCompare') : t('compare')}
      </button>
    </div>
  );
}
