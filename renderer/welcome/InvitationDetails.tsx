import type { JoinPreview } from '../../preload/shared/contract/ipc-contract';
import { formatDateTime, systemTimeZone } from '../common/format';

/**
 * What an invitation link would save, as main read it: title, time in this computer's zone, length,
 * the candidate (on a co-interviewer's panel link) and the Meet link. Shown before anything is saved.
 */
export function InvitationDetails({ preview }: { preview: JoinPreview }) {
  return (
    <dl className="details" data-testid="invitation-details">
      <dt>Title</dt>
      <dd data-testid="join-preview-title">{preview.title}</dd>
      {preview.panelistFor !== undefined && (
        <>
          <dt>Candidate</dt>
          <dd>{preview.panelistFor} (you are on the interview panel)</dd>
        </>
      )}
      <dt>When</dt>
      <dd>{formatDateTime(preview.startUtc, systemTimeZone())}</dd>
      <dt>Length</dt>
      <dd>{preview.durationMinutes ? `${preview.durationMinutes} minutes` : 'Not given in the invitation'}</dd>
      <dt>Google Meet</dt>
      <dd>{preview.meetLink}</dd>
    </dl>
  );
}
