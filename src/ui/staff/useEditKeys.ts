import { useEffect, useRef } from 'react';

export interface EditKeyHandlers {
  onEscape: () => boolean;
  onEnter: () => boolean;
  onBackspace: () => boolean;
  onDelete: () => boolean;
}

/** Text fields keep their keys: Backspace in the name field must not take a point off the sketch. */
function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Esc, Enter, Backspace and Delete for drawing and vertex editing. A handler returns whether it
 * used the key; a used key does nothing else (Backspace would otherwise navigate in old browsers).
 */
export function useEditKeys(enabled: boolean, handlers: EditKeyHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      const handler = { Escape: current.current.onEscape, Enter: current.current.onEnter, Backspace: current.current.onBackspace, Delete: current.current.onDelete }[event.key];
      if (handler?.()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
