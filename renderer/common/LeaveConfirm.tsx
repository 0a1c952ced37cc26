import { useEffect, useId, useRef } from 'react';
import { discardAndLeave, stayHere, useHeldLeave } from './leave-guard';

/** Asks before unsaved edits are thrown away: a modal dialog (focus kept inside, Escape keeps editing). */
export function LeaveConfirm() {
  const held = useHeldLeave();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), detail: useId() };
  useEffect(() => {
    if (held && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [held]);
  if (!held) return null;
  return (
    <dialog ref={dialog} role="alertdialog" aria-labelledby={ids.title} aria-describedby={ids.detail} className="confirm-dialog" onClose={() => stayHere()}>
      <h2 id={ids.title}>{held.warning.title}</h2>
      <p id={ids.detail}>{held.warning.detail}</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={() => dialog.current?.close()}>
          Keep editing
        </button>
        <button type="button" className="danger" onClick={() => discardAndLeave()}>
          {held.warning.discardLabel}
        </button>
      </div>
    </dialog>
  );
}
