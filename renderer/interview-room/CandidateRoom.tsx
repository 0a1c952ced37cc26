import { useId, useState, type FormEvent } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { displayStatus } from '../../preload/shared/rules/interview-timing';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { FieldError, invalidProps } from '../common/FieldError';
import { StatusBadge } from '../common/StatusBadge';
import { formatDateTime, systemTimeZone, zoneName } from '../common/format';
import { navigateTo } from '../app/use-hash-route';
import { JoinArea } from './JoinArea';
import { ConfirmDialog } from '../common/ConfirmDialog';

// Candidate copies saved before the interviewer was left unnamed carry this stand-in, not a name.
const legacyInterviewerStandIn = 'Your interviewer';

/** The room's words for its reader: the candidate, or a co-interviewer who saved their panel link. */
const readerWords = {
  candidate: {
    details: 'Your interview',
    removeNote:
      'Your interviewer is not told and the interview still takes place. To cancel or move it, reply to their invitation.',
  },
  panelist: {
    details: 'Panel interview',
    removeNote:
      'The recruiter is not told and the interview still takes place. To cancel or move it, write to the recruiter who invited you.',
  },
} as const;

/**
 * The room of an interview saved from an invitation, for its reader (a candidate, or a co-interviewer
 * from their panel link): when it is (in this computer's zone), how long (or that the invitation did
 * not say), who interviews (only when known) or, for a panelist, the candidate, the countdown and
 * Join, the device check, their own notes, and removing it from this computer. Nothing of the
 * recruiter's room: no invitations, Calendar state, resend, reschedule or cancel.
 */
export function CandidateRoom({
  interview,
  settings,
  now,
  onChanged,
}: {
  interview: Interview;
  settings: Settings;
  now: number;
  onChanged: (interview: Interview) => void;
}) {
  const zone = systemTimeZone();
  const interviewer =
    interview.recruiter.name && interview.recruiter.name !== legacyInterviewerStandIn
      ? interview.recruiter.name
      : undefined;
  const [notes, setNotes] = useState(interview.notes);
  const [notesState, setNotesState] = useState<'idle' | 'saved'>('idle');
  const [error, setError] = useState<DeskError | undefined>();
  const [removing, setRemoving] = useState(false);
  const ids = { notes: useId() };
  const panelist = interview.origin === 'panelist';
  const words = readerWords[panelist ? 'panelist' : 'candidate'];

  const saveNotes = async (event: FormEvent) => {
    event.preventDefault();
    const result = await desk.candidate.setNotes({ id: interview.id, notes });
    if (result.ok) {
      setError(undefined);
      setNotes(result.value.notes);
      setNotesState('saved');
      onChanged(result.value);
    } else setError(result.error);
  };
  const remove = async () => {
    const result = await desk.candidate.remove(interview.id);
    if (result.ok) navigateTo({ screen: 'welcome' });
    else setError(result.error);
  };

  return (
    <article className="room candidate-room" aria-labelledby="room-title">
      <div className="screen-header">
        <h1 id="room-title">{interview.jobTitle}</h1>
        <StatusBadge status={displayStatus(interview, settings, now)} />
      </div>
      <div className="room-grid">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">{words.details}</h2>
          <dl className="details">
            <dt>When</dt>
            <dd>
              {formatDateTime(interview.startUtc, zone)}{' '}
              <span className="muted">({zoneName(interview.startUtc, zone)})</span>
            </dd>
            <dt>Length</dt>
            <dd data-testid="candidate-length">
              {interview.lengthUnknown ? 'Not given in your invitation' : `${interview.durationMinutes} minutes`}
            </dd>
            {panelist && (
              <>
                <dt>Candidate</dt>
                <dd data-testid="panel-candidate">{interview.candidate.name}</dd>
              </>
            )}
            {interviewer && (
              <>
                <dt>Interviewer</dt>
                <dd>{interviewer}</dd>
              </>
            )}
            <dt>Meet link</dt>
            <dd>{interview.meetLink ?? <span className="muted">None</span>}</dd>
          </dl>
          <form className="form" onSubmit={(e) => void saveNotes(e)} noValidate aria-labelledby={`${ids.notes}-t`}>
            <h2 id={`${ids.notes}-t`}>Your notes</h2>
            <label htmlFor={ids.notes}>Notes for yourself (kept on this computer only)</label>
            <textarea
              id={ids.notes}
              rows={4}
              value={notes}
              onChange={(e) => {
                setNotes(e.target.value);
                setNotesState('idle');
              }}
              {...invalidProps(error, 'notes', `${ids.notes}-e`)}
            />
            <FieldError error={error} field="notes" id={`${ids.notes}-e`} />
            <div className="actions">
              <button type="submit">Save notes</button>
              {notesState === 'saved' && <span role="status">Notes saved.</span>}
            </div>
          </form>
        </section>
        <div className="room-side">
          <JoinArea interview={interview} settings={settings} now={now} />
          <div className="actions">
            <button type="button" onClick={() => setRemoving(true)}>
              Remove from this computer
            </button>
          </div>
          {error && error.field !== 'notes' && <ErrorMessage error={error} />}
        </div>
      </div>
      {removing && (
        <ConfirmDialog
          title="Remove this interview from this computer?"
          keepLabel="Keep it"
          confirmLabel="Remove"
          onConfirm={() => void remove()}
          onClose={() => setRemoving(false)}
        >
          <p>{words.removeNote}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
