import { ConfirmDialog } from '../common/ConfirmDialog';

/**
 * Main's question before saving over someone's time (another interview, a busy block in Google
 * Calendar, or time Google could not tell), as a modal dialog: "Pick another time" has focus, the
 * "… anyway" answer saves it as it is.
 */
export function ConflictQuestion({
  message,
  confirmLabel,
  keepLabel = 'Pick another time',
  onConfirm,
  onClose,
}: {
  message: string;
  confirmLabel: string;
  keepLabel?: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title="Someone may be busy then"
      keepLabel={keepLabel}
      confirmLabel={confirmLabel}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p data-testid="conflict-question">{message}</p>
    </ConfirmDialog>
  );
}
