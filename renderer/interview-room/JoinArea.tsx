import { useState } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import {
  formatCountdown,
  joinMinutesLeft,
  joinPhase,
  joinWindow,
  offersDeviceCheck,
} from '../../preload/shared/rules/interview-timing';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { formatDateTime, systemTimeZone } from '../common/format';

/** What the open join window means now: before the start, during the planned time, or after it. */
function openStateWords(
  now: number,
  window: { startsAt: number; endsAt: number },
  callRunning: boolean,
  minutesLeft: number,
): string {
  if (now < window.startsAt) return `The interview starts ${formatCountdown(window.startsAt - now)}.`;
  if (now < window.endsAt) return 'The interview is in progress.';
  const left = `You can still join for ${minutesLeft === 1 ? '1 minute' : `${minutesLeft} minutes`}.`;
  return callRunning
    ? `The interview is running over: the call is still going on in Google Meet. ${left}`
    : `The interview has ended. ${left}`;
}

/**
 * The join area: a countdown before the window opens, the two join buttons while open (offered
 * quietly once the planned time is over), "ended" after (with Reschedule when the viewer may move it).
 */
export function JoinArea({
  interview,
  settings,
  now,
  meetCallRunning = false,
  onReschedule,
}: {
  interview: Interview;
  settings: Settings;
  now: number;
  meetCallRunning?: boolean;
  onReschedule?: () => void;
}) {
  const [error, setError] = useState<DeskError | undefined>();
  const [joined, setJoined] = useState<string | undefined>();
  const [onTop, setOnTop] = useState(false);
  const phase = joinPhase(interview, settings, now);
  const window = joinWindow(interview, settings);
  const join = async (via: 'app' | 'browser') => {
    const result = await desk.interviews.join({ id: interview.id, via });
    if (result.ok) {
      setError(undefined);
      setJoined(
        result.value.via === 'app' ? 'Meet opened in the Interview Desk window.' : 'Meet opened in your browser.',
      );
    } else setError(result.error);
  };
  const toggleOnTop = async (flag: boolean) => {
    setOnTop(flag);
    await desk.meet.setAlwaysOnTop(flag);
  };
  const buttons = [
    { via: 'app' as const, label: 'Join in app' },
    { via: 'browser' as const, label: 'Join in browser' },
  ].sort((a) => (a.via === settings.joinDefault ? -1 : 1));

  // A saved copy is shown in this computer's zone, like the rest of its room; the recruiter's in the interview's.
  const zone = interview.origin !== 'recruiter' ? systemTimeZone() : interview.timeZone;
  return (
    <section className="join-area panel" aria-labelledby="join-title">
      <h2 id="join-title">Join</h2>
      {interview.status === 'cancelled' && <p>This interview was cancelled.</p>}
      {interview.status !== 'cancelled' && phase === 'before' && (
        <p data-testid="join-state">
          Joining opens <strong>{formatCountdown(window.opensAt - now)}</strong>, at{' '}
          {formatDateTime(window.opensAt, zone)} ({settings.joinOpensMinutesBefore} minutes before the start).
        </p>
      )}
      {interview.status !== 'cancelled' && phase === 'open' && (
        <>
          <p data-testid="join-state">
            {openStateWords(now, window, meetCallRunning, joinMinutesLeft(interview, settings, now))}
            {!interview.meetLink &&
              (interview.google?.unusableMeetLink
                ? ' There is no usable Meet link: the link in Google Calendar is not a Google Meet link.'
                : interview.google?.state === 'pending'
                  ? ' Google is creating the Meet link…'
                  : ' There is no Meet link yet: paste one below.')}
          </p>
          <div className="actions">
            {buttons.map((b, index) => (
              <button
                key={b.via}
                type="button"
                className={index === 0 && now < window.endsAt ? 'primary' : undefined}
                disabled={!interview.meetLink}
                onClick={() => void join(b.via)}
              >
                {b.label}
              </button>
            ))}
          </div>
          <label className="check">
            <input type="checkbox" checked={onTop} onChange={(e) => void toggleOnTop(e.target.checked)} />
            Keep the Meet window on top
          </label>
        </>
      )}
      {interview.status !== 'cancelled' && phase === 'after' && (
        <div data-testid="join-state">
          <p>This interview has ended.</p>
          {onReschedule && (
            <button type="button" onClick={onReschedule}>
              Reschedule
            </button>
          )}
        </div>
      )}
      {joined && <p role="status">{joined}</p>}
      <ErrorMessage error={error} />
      {offersDeviceCheck(interview, settings, now) && (
        <p>
          <a href="#/device-check">Check devices before joining</a>
        </p>
      )}
    </section>
  );
}
