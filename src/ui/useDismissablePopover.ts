import { useEffect, useRef } from 'react';

/**
 * A `<details>` menu that closes like every menu people know: on Esc (focus goes back to its
 * button) and on a click or tap anywhere outside it.
 */
export function useDismissablePopover() {
  const ref = useRef<HTMLDetailsElement | null>(null);
  useEffect(() => {
    const close = (details: HTMLDetailsElement, refocus: boolean) => {
      details.open = false;
      if (refocus) details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key !== 'Escape' || !details?.open) return;
      event.preventDefault();
      close(details, details.contains(document.activeElement));
    };
    const onPointer = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) close(details, false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
  return ref;
}
