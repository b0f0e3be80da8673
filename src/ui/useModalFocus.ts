import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.matches(':disabled') && element.getClientRects().length > 0);
}

/**
 * Makes an open dialog modal for the keyboard: focus moves into it, Tab and Shift+Tab cycle
 * inside it, Esc calls `onCancel`, and on close focus returns to `returnFocus()` (or to what had
 * it before). The page's own shortcuts listen on the window (Esc to deselect, Ctrl+Z, drawing
 * keys): keys stop at the document while the dialog is open, so nothing behind it changes.
 */
export function useModalFocus(dialogRef: RefObject<HTMLElement | null>, onCancel: () => void, returnFocus?: () => HTMLElement | null): void {
  const onCancelRef = useRef(onCancel);
  onCancelRef.current = onCancel;
  const returnFocusRef = useRef(returnFocus);
  returnFocusRef.current = returnFocus;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    (focusableIn(dialog)[0] ?? dialog).focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onCancelRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = focusableIn(dialog);
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active);
      if (event.shiftKey && (!inside || active === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || active === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    // A click on the backdrop or a script must not leave focus behind the dialog either.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) (focusableIn(dialog)[0] ?? dialog).focus();
    };
    const keepFromPage = (event: KeyboardEvent) => event.stopPropagation();
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keydown', keepFromPage);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keydown', keepFromPage);
      document.removeEventListener('focusin', onFocusIn);
      const target = returnFocusRef.current?.() ?? (before?.isConnected ? before : null);
      // After React removes the dialog, or the focus would be taken back by nothing.
      if (target) queueMicrotask(() => target.focus());
    };
  }, [dialogRef]);
}
