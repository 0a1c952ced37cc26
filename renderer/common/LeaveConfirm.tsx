import { useId } from 'react';
import { useModalDialog } from './use-modal-dialog';
import { discardAndLeave, stayHere, useHeldLeave, type LeaveWarning } from './leave-guard';

/** Asks before unsaved edits are thrown away: a modal dialog (focus kept inside, Escape keeps editing). */
export function LeaveConfirm() {
  const held = useHeldLeave();
  return held ? <LeaveDialog warning={held.warning} /> : null;
}

function LeaveDialog({ warning }: { warning: LeaveWarning }) {
  const dialog = useModalDialog(stayHere);
  const ids = { title: useId(), detail: useId() };
  return (
    <dialog
      {...dialog.props}
      role="alertdialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.detail}
      className="confirm-dialog"
    >
      <h2 id={ids.title}>{warning.title}</h2>
      <p id={ids.detail}>{warning.detail}</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={dialog.close}>
          Keep editing
        </button>
        <button type="button" className="danger" onClick={() => discardAndLeave()}>
          {warning.discardLabel}
        </button>
      </div>
    </dialog>
  );
}
