import { useEffect, useRef, useState } from 'react';

/**
 * Opens a native <dialog> as a modal on mount (the browser keeps focus inside and Escape closes it)
 * and, when it goes away, gives focus back to the control that opened it if that is still on screen.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  // Taken while rendering, before the dialog takes focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    return () => void (opener?.isConnected && opener.focus());
  }, [opener]);
  return dialog;
}
