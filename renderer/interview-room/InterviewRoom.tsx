import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { displayStatus, hasEnded, joinPhase } from '../../preload/shared/rules/interview-timing';
import {
  attentionReason,
  meetLinkState,
  missingLinkAdvice,
  unusableLinkNotice,
} from '../../preload/shared/rules/interview-attention';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { useNow } from '../common/use-now';
import { ErrorMessage } from '../common/ErrorMessage';
import { FieldError, invalidProps } from '../common/FieldError';
import { StatusBadge } from '../common/StatusBadge';
import { formatDateTime, systemTimeZone, zoneName } from '../common/format';
import { JoinArea } from './JoinArea';
import { RescheduleForm } from './RescheduleForm';
import { cancelledLine, deliveryLine, formerPanelLines, panelDeliveryLine } from './delivery-words';
import { movedLine } from './moved-words';
import { CalendarChangeLine } from './CalendarChangeLine';
import { PanelEditor } from './PanelEditor';
import { CandidateRoom } from './CandidateRoom';
import { useFocusLater } from '../common/use-focus-later';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { AttendancePanel } from './AttendancePanel';
import { AfterInterview } from '../after-interview/AfterInterview';
import { meetCallRunning, useAttendance } from './use-attendance';

/** One interview: details in both zones, invitation and sync state, the join area, reschedule and cancel. */
export function InterviewRoom({ id, settings }: { id: string; settings: Settings }) {
  const loaded = useCall(() => desk.interviews.get(id));
  const reload = loaded.reload;
  useEffect(() => desk.on('interviews:changed', ({ ids }) => void (ids.includes(id) && reload())), [id, reload]);
  const now = useNow(1000);
  const attendance = useAttendance(id);
  const callRunning = meetCallRunning(attendance.value);
  // Once its time is over, nothing more is sent about an interview (main refuses it too).
  const ended = loaded.value ? hasEnded(loaded.value, now) : false;
  const canResend = !ended;
  const [rescheduling, setRescheduling] = useState(false);
  const [askingCancel, setAskingCancel] = useState(false);
  // After a cancel or reschedule the room says what went out to whom (and updates as it is sent).
  // What the last action here sent, said until another action here changes it: a move or a cancel.
  const [confirming, setConfirming] = useState<'moved' | 'cancelled' | undefined>();
  const [error, setError] = useState<DeskError | undefined>();
  const [meetLink, setMeetLink] = useState('');
  const meetId = useId();
  // Cancelling removes the focused button and saving a link removes the form: focus goes to what they produced.
  const [confirmationRef, focusConfirmation] = useFocusLater<HTMLParagraphElement>();
  const [linkSavedRef, focusLinkSaved] = useFocusLater<HTMLParagraphElement>();
  const [linkSaved, setLinkSaved] = useState(false);
  const interview = loaded.value;
  if (!interview) return <ErrorMessage error={loaded.error} />;
  // A copy saved from an invitation link (a candidate's or a co-interviewer's) is its reader's room, not the recruiter's.
  if (interview.origin !== 'recruiter')
    return <CandidateRoom interview={interview} settings={settings} now={now} onChanged={loaded.setValue} />;

  const cancel = async () => {
    const result = await desk.interviews.cancel(interview.id);
    if (result.ok) {
      loaded.setValue(result.value);
      setConfirming('cancelled');
      focusConfirmation();
    } else setError(result.error);
  };
  const saveLink = async (event: FormEvent) => {
    event.preventDefault();
    const result = await desk.interviews.setMeetLink({ id: interview.id, meetLink });
    if (result.ok) {
      setError(undefined);
      loaded.setValue(result.value);
      setLinkSaved(true);
      focusLinkSaved();
    } else setError(result.error);
  };
  const resend = async (recipient: 'candidate' | 'recruiter' | `panel:${string}`) => {
    const result = await desk.mail.resend({ id: interview.id, recipient });
    if (result.ok) loaded.setValue(result.value);
    else setError(result.error);
  };
  // Sends a move or cancel made in Google Calendar; the line then gives way to what went out, which takes focus.
  const sendCalendarChange = async () => {
    const kind = interview.google?.calendarChange?.kind;
    const result = await desk.interviews.sendCalendarChange(interview.id);
    if (result.ok) {
      loaded.setValue(result.value);
      setConfirming(kind === 'cancelled' ? 'cancelled' : 'moved');
      focusConfirmation();
    } else setError(result.error);
  };
  const retryGoogle = async () => {
    const result = await desk.google.retry(interview.id);
    if (result.ok) loaded.setValue(result.value);
    else setError(result.error);
  };
  const attention = attentionReason(interview);
  const held = heldInvitations(interview);
  const link = meetLinkState(interview);
  const unusable = unusableLinkNotice(interview);
  // A change made in Google Calendar and not emailed yet goes to everyone at once through its own
  // button (Send update / Send cancellation); a single Resend would leave the line saying no one knows.
  const resendOffered = canResend && !interview.google?.calendarChange;
  // A link can be pasted while there is none (except while Google is creating it), or after Google failed.
  const canPasteLink =
    interview.status === 'scheduled' &&
    ((!interview.meetLink && link !== 'creating') || interview.google?.state === 'failed');
  const local = systemTimeZone();
  const zones = [...new Set([interview.timeZone, interview.candidate.timeZone ?? interview.timeZone])];

  return (
    <article className="room" aria-labelledby="room-title">
      <div className="screen-header">
        <div>
          <p className="muted">
            <a href="#/schedule">← Schedule</a>
          </p>
          <h1 id="room-title">
            {interview.candidate.name} · {interview.jobTitle}
          </h1>
        </div>
        <StatusBadge
          status={displayStatus({ ...interview, ...(attention ? { attention } : {}) }, settings, now, callRunning)}
          title={attention}
        />
      </div>
      <div className="room-grid">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="details">
            <dt>Candidate</dt>
            <dd>
              {interview.candidate.name} &lt;{interview.candidate.email}&gt;
            </dd>
            <dt>Interviewer</dt>
            <dd>{interview.recruiter.name}</dd>
            <PanelEditor
              // A move starts it afresh: "Panel saved…" was about the messages before the new time's.
              key={interview.startUtc}
              interview={interview}
              ended={ended}
              onSaved={(saved) => {
                // The panel says what it sent; an earlier move's confirmation would now name the wrong update.
                setConfirming(undefined);
                loaded.setValue(saved);
              }}
            />
            {zones.map((zone, index) => (
              <div key={zone} className="dl-row">
                <dt>{index === 0 ? 'Your time' : "Candidate's time"}</dt>
                <dd>
                  {formatDateTime(interview.startUtc, zone)}{' '}
                  <span className="muted">({zoneName(interview.startUtc, zone)})</span>
                </dd>
              </div>
            ))}
            {local !== interview.timeZone && (
              <>
                <dt>This computer</dt>
                <dd>{formatDateTime(interview.startUtc, local)}</dd>
              </>
            )}
            <dt>Duration</dt>
            <dd>{interview.durationMinutes} minutes</dd>
            <dt>Meet link</dt>
            <dd>
              {interview.meetLink ?? (
                <span className="muted">{link === 'creating' ? 'Creating the Meet link…' : 'None yet'}</span>
              )}
              {unusable && (
                <p className="error-message" role="status" data-testid="meet-link-unusable">
                  {unusable}{' '}
                  {interview.google?.htmlLink && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => void desk.shell.openExternal(interview.google!.htmlLink!)}
                    >
                      Open in Google Calendar
                    </button>
                  )}
                </p>
              )}
            </dd>
            <dt>Invitations</dt>
            <dd>
              {(['candidate', 'recruiter'] as const).map((who) => (
                <div key={who} data-testid={`invitation-${who}`}>
                  {deliveryLine(interview, who, local, now)}
                  {resendOffered &&
                    interview.invitations[who].state !== 'queued' &&
                    (interview.meetLink || interview.status === 'cancelled') && (
                      <button
                        type="button"
                        className="small"
                        onClick={() => void resend(who)}
                        aria-label={`Resend to the ${who}`}
                      >
                        Resend
                      </button>
                    )}
                </div>
              ))}
              {interview.coInterviewers.map((p) => (
                <div key={p.email} data-testid={`invitation-panel-${p.email.toLowerCase()}`}>
                  {panelDeliveryLine(interview, p, local, now)}
                  {resendOffered &&
                    interview.invitations.panel?.[p.email.toLowerCase()]?.state !== 'queued' &&
                    (interview.meetLink || interview.status === 'cancelled') && (
                      <button
                        type="button"
                        className="small"
                        onClick={() => void resend(`panel:${p.email.toLowerCase()}`)}
                        aria-label={`Resend to ${p.name ?? p.email}`}
                      >
                        Resend
                      </button>
                    )}
                </div>
              ))}
              {formerPanelLines(interview, local, now).map(({ address, line }) => (
                <div key={address} data-testid={`invitation-former-${address}`}>
                  {line} <span className="muted">(taken off the panel)</span>
                </div>
              ))}
              <CalendarChangeLine
                interview={interview}
                zone={interview.timeZone}
                onSend={() => void sendCalendarChange()}
                onChanged={(marked) => {
                  setError(undefined);
                  loaded.setValue(marked);
                }}
                onError={setError}
              />
              {held && (
                <p className="muted" data-testid="invitations-held">
                  {held}
                </p>
              )}
            </dd>
            <dt>Google Calendar</dt>
            <dd>
              {interview.google
                ? {
                    synced: 'In sync',
                    pending: 'Waiting for Google',
                    failed: `Update failed${interview.google.error ? `: ${interview.google.error}` : ''}`,
                  }[interview.google.state]
                : 'Not connected (local interview)'}
              {interview.google?.state === 'failed' && (
                <button type="button" className="small spaced" onClick={() => void retryGoogle()}>
                  Retry
                </button>
              )}
              {interview.google?.htmlLink && (
                <button
                  type="button"
                  className="link spaced"
                  onClick={() => void desk.shell.openExternal(interview.google!.htmlLink!)}
                >
                  Open in Google Calendar
                </button>
              )}
            </dd>
            {interview.candidateMessage && (
              <>
                <dt>Message to the candidate</dt>
                <dd className="notes">{interview.candidateMessage}</dd>
              </>
            )}
            {interview.notes && (
              <>
                <dt>Private notes</dt>
                <dd className="notes">{interview.notes}</dd>
              </>
            )}
          </dl>
          {linkSaved && (
            <p ref={linkSavedRef} tabIndex={-1} role="status" className="delivery">
              Meet link saved.
            </p>
          )}
          {link === 'creating' && (
            <p className="note" role="status" data-testid="meet-link-creating">
              <strong>Creating the Meet link…</strong> Google Calendar adds it to the event; it appears here by itself,
              and the invitation goes out with it.
            </p>
          )}
          {canPasteLink && (
            <form className="inline-form" onSubmit={(e) => void saveLink(e)} noValidate>
              <p className="hint" id={`${meetId}-h`} data-testid="meet-link-advice">
                {missingLinkAdvice(interview)}
              </p>
              <label htmlFor={meetId}>Paste a Meet link</label>
              <input
                id={meetId}
                value={meetLink}
                onChange={(e) => setMeetLink(e.target.value)}
                placeholder="https://meet.google.com/abc-defg-hij"
                {...invalidProps(error, 'meetLink', `${meetId}-e`, `${meetId}-h`)}
              />
              <button type="submit">Save link</button>
              <FieldError error={error} field="meetLink" id={`${meetId}-e`} />
              {interview.google && (
                <p className="muted">
                  It becomes the Google Calendar event’s meeting; then everyone gets it, with the event’s invitation.
                </p>
              )}
            </form>
          )}
        </section>
        <div className="room-side">
          <JoinArea
            interview={interview}
            settings={settings}
            now={now}
            meetCallRunning={callRunning}
            onReschedule={() => setRescheduling(true)}
          />
          {interview.status === 'scheduled' && (
            <div className="actions">
              {/* After the join window the join area offers Reschedule itself, as the room's main action. */}
              {joinPhase(interview, settings, now) !== 'after' && (
                <button type="button" onClick={() => setRescheduling(true)}>
                  Reschedule
                </button>
              )}
              <button type="button" className="danger" onClick={() => setAskingCancel(true)}>
                Cancel interview
              </button>
            </div>
          )}
          {askingCancel && (
            <ConfirmDialog
              title={`Cancel the interview with ${interview.candidate.name}?`}
              keepLabel="Keep the interview"
              confirmLabel="Cancel interview"
              onConfirm={() => void cancel()}
              onClose={() => setAskingCancel(false)}
            >
              <p>
                {ended
                  ? 'Its time has passed, so no one is emailed: it is only marked cancelled.'
                  : 'Invitations will be withdrawn: everyone who was invited is told.'}
              </p>
            </ConfirmDialog>
          )}
          {rescheduling && (
            <RescheduleForm
              interview={interview}
              onDone={(moved) => {
                setRescheduling(false);
                if (moved) setConfirming('moved');
              }}
            />
          )}
          {confirming && (
            <p
              ref={confirmationRef}
              tabIndex={-1}
              className="delivery panel"
              role="status"
              data-testid="delivery-confirmation"
            >
              {confirming === 'moved'
                ? movedLine(interview, local, now)
                : cancelledLine(interview, local, now, settings.googleSendsInvites)}
              .
            </p>
          )}
          {error && error.field !== 'meetLink' && <ErrorMessage error={error} />}
          <JoinHistory interview={interview} />
        </div>
      </div>
      {/* Full width: the timeline is a table of people, joins and leaves. */}
      {/* In the interview's own zone, like "Your time" (not this computer's, which may differ). */}
      {interview.meetLink && interview.status === 'scheduled' && (
        <AttendancePanel loaded={attendance} zone={interview.timeZone} />
      )}
      <AfterInterview interview={interview} settings={settings} now={now} />
    </article>
  );
}

/** Why invitations have not gone out yet, in the recruiter's words; undefined when nothing waits. */
function heldInvitations(interview: Interview): string | undefined {
  if (interview.status !== 'scheduled') return undefined;
  const waiting = [
    interview.invitations.candidate,
    interview.invitations.recruiter,
    ...interview.coInterviewers.map((p) => interview.invitations.panel?.[p.email.toLowerCase()] ?? { state: 'none' }),
  ].some((d) => ['none', 'queued'].includes(d.state));
  if (!waiting) return undefined;
  if (interview.google?.state === 'failed')
    return 'Invitations are held: the Google Calendar event has no Meet link yet. Retry, or paste a Meet link — then everyone gets the same one.';
  if (interview.google?.state === 'pending')
    return 'Invitations go out when the Google Calendar event is ready, so everyone gets its Meet link.';
  if (!interview.meetLink) return 'Invitations go out once there is a Meet link.';
  return undefined;
}

function JoinHistory({ interview }: { interview: Interview }) {
  if (interview.joins.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Join history</h2>
      <p className="muted">Your own joins from this app only: who else joined, and from where, is under Attendance.</p>
      <ul className="plain">
        {interview.joins.map((j) => (
          <li key={j.joinedAt}>
            Joined {formatDateTime(j.joinedAt, interview.timeZone)} ({j.via === 'app' ? 'app window' : 'browser'})
            {j.leftAt ? `, left ${formatDateTime(j.leftAt, interview.timeZone)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
