import { useEffect, useMemo, useState, type Dispatch } from 'react';
import type { Tour } from '../../domain/tour/tour';
import type { ViewAction } from '../viewReducer';
import { useTranslation } from '../LocaleContext';
import { useTourKeys } from './useTourKeys';
import { COVERS_MAP_ATTRIBUTE } from './mapFreePadding';

interface TourPlayerProps {
  tour: Tour;
  sceneIndex: number;
  /** Kiosk: plays on the timer from the start and loops. */
  kiosk: boolean;
  allLayerIds: readonly string[];
  dispatch: Dispatch<ViewAction>;
}

/** The caption card of the guided tour, with its controls; keys and a clicker drive it too. */
export function TourPlayer({ tour, sceneIndex, kiosk, allLayerIds, dispatch }: TourPlayerProps) {
  const t = useTranslation();
  const [playing, setPlaying] = useState(kiosk);
  const count = tour.scenes.length;
  const index = Math.min(Math.max(sceneIndex, 0), count - 1);
  const scene = tour.scenes[index];

  const navigation = useMemo(() => {
    const show = (target: number) => {
      const bounded = Math.min(Math.max(target, 0), count - 1);
      const next = tour.scenes[bounded];
      if (next) dispatch({ type: 'showScene', index: bounded, scene: next, allLayerIds });
    };
    return {
      next: () => show(index + 1),
      previous: () => show(index - 1),
      first: () => show(0),
      last: () => show(count - 1),
      show,
    };
  }, [tour, index, count, allLayerIds, dispatch]);
  useTourKeys(navigation);

  useEffect(() => {
    if (!playing || !scene) return;
    const seconds = scene.durationSeconds ?? tour.durationSeconds;
    const timer = window.setTimeout(() => {
      if (index + 1 < count) navigation.show(index + 1);
      else if (kiosk) navigation.show(0);
      else setPlaying(false);
    }, seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [playing, scene, index, count, kiosk, tour, navigation]);

  if (!scene) return null;
  return (
    <section className="tour-card" aria-live="polite" data-scene-id={scene.id} data-testid="tour-card" {...{ [COVERS_MAP_ATTRIBUTE]: '' }}>
      <div className="tour-progress">
        <span data-testid="tour-position">{index + 1} / {count}</span>
        <span className="tour-title-all">{t.text(tour.title)}</span>
      </div>
      <h2>{t.text(scene.title)}</h2>
      <p>{t.text(scene.caption)}</p>
      <div className="tour-controls">
        <button type="button" onClick={navigation.previous} disabled={index === 0} aria-label={t('previousScene')}>‹</button>
        <button type="button" onClick={() => setPlaying((value) => !value)} aria-pressed={playing} aria-label={playing ? t('pause') : t('play')}>
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={navigation.next} disabled={index === count - 1} aria-label={t('nextScene')}>›</button>
        <button type="button" className="tour-leave" onClick={() => dispatch({ type: 'leaveTour' })}>{t('leaveTour')}</button>
      </div>
    </section>
  );
}
