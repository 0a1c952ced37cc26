import { useId, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

/**
 * A yes/no question as a native modal dialog: the browser keeps focus inside and Escape answers
 * "no"; when it closes, focus returns to the control that opened it (if that is still on the screen;
 * an action that removes it moves focus to its own result). The safe answer comes first and has focus.
 */
export function ConfirmDialog({
  title,
  children,
  keepLabel,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  return (
    <dialog {...dialog.props} aria-labelledby={titleId} className="confirm-dialog">
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" onClick={dialog.close}>
          {keepLabel}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            // Acted on once the dialog is closed, so the action's own focus move is not blocked by the modal.
            dialog.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
