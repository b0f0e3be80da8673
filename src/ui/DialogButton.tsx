import { useCallback, useRef, useState, type ReactNode } from 'react';

interface DialogButtonProps {
  className: string;
  label: string;
  /** The dialog while open; `close` shuts it and gives the focus back to the button. */
  dialog: (close: () => void) => ReactNode;
}

/** A top-bar button that opens a dialog (the export dialogs). */
export function DialogButton({ className, label, dialog }: DialogButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  return (
    <>
      <button ref={buttonRef} type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && dialog(close)}
    </>
  );
}
