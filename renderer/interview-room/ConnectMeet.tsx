import type { AttendanceConnection } from '../../preload/shared/contract/attendance-schema';
import { ErrorMessage } from '../common/ErrorMessage';
import type { FocusTarget } from '../common/use-focus-after';
import { useMeetConnect } from './use-meet-connect';

/**
 * Connect (or Reconnect) Google Meet, as the room's Attendance and Transcript sections both offer it
 * under one name, since one Meet permission reads both: either section's press serves the other.
 * Shown only while that permission is missing or Google access needs reconnecting.
 */
export function ConnectMeet({
  connection,
  reload,
  heading,
}: {
  connection: AttendanceConnection;
  reload: () => Promise<unknown>;
  /** Where focus goes once connected: the button is gone and what replaces it depends on Meet. */
  heading: FocusTarget;
}) {
  const { connect, connecting, error } = useMeetConnect(reload, heading);
  if (connection !== 'not_connected' && connection !== 'needs_reconnect') return null;
  const reconnect = connection === 'needs_reconnect';
  return (
    <div className="connect-meet" data-testid="meet-connect">
      <p className="muted">One Google consent serves both attendance and transcripts.</p>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus, and a refusal returns here. */}
      <button
        type="button"
        className="primary"
        aria-disabled={connecting}
        onClick={() => void (connecting || connect())}
      >
        {connecting ? 'Waiting for Google…' : reconnect ? 'Reconnect Google Meet' : 'Connect Google Meet'}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
