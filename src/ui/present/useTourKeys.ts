import { useEffect } from 'react';

export interface TourNavigation {
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
}

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown', ' ']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp']);

/**
 * Clicker and keyboard control of the tour. Presentation clickers send PageDown/PageUp; arrows and
 * Space are left to a focused slider, field or button, which need them for themselves.
 */
export function useTourKeys(navigation: TourNavigation | null): void {
  useEffect(() => {
    if (!navigation) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const ownsKeys = target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA' || target?.tagName === 'BUTTON';
      const clicker = event.key === 'PageDown' || event.key === 'PageUp';
      if (ownsKeys && !clicker) return;
      if (NEXT_KEYS.has(event.key)) navigation.next();
      else if (PREVIOUS_KEYS.has(event.key)) navigation.previous();
      else if (event.key === 'Home') navigation.first();
      else if (event.key === 'End') navigation.last();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigation]);
}
