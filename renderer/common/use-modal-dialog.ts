import { useEffect, useRef, useState, type SyntheticEvent } from 'react';

/**
 * Opens a native <dialog> as a modal on mount (the browser keeps focus inside and Escape closes it)
 * and, when it goes away, gives focus back to the control that opened it if that is still on screen.
 *
 * `onClosed` is told at once, in the same event that closed the dialog (Escape, or `close()`), not
 * from the `close` event the browser queues for later: in between, focus is already back on the
 * opener, and an Enter pressed there would ask to open a dialog the screen still thinks is open —
 * and be lost when the late `close` event arrived. Told once, however the dialog closed.
 */
export function useModalDialog(onClosed: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  // Taken while rendering, before the dialog takes focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const told = useRef(false);
  const close = () => {
    if (ref.current?.open) ref.current.close();
    if (told.current) return;
    told.current = true;
    onClosed();
  };
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
    return () => void (opener?.isConnected && opener.focus());
  }, [opener]);
  // Escape fires `cancel` on the dialog before the browser closes it; `close` covers any other way.
  const props = { ref, onCancel: (_event: SyntheticEvent) => close(), onClose: close };
  return { props, close };
}
