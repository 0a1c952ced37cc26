import type { InterviewSummary } from '../../preload/shared/contract/interview-schema';
import { defaultSettings } from '../../preload/shared/contract/settings-schema';
import { offersDeviceCheck, type JoinWindowSettings } from '../../preload/shared/rules/interview-timing';
import { useSettings } from '../bridge/live-copies';
import { formatDateTime, systemTimeZone } from '../common/format';
import { useNow } from '../common/use-now';
import { routeHref } from '../app/use-hash-route';
import { InvitationForm } from './InvitationForm';

/** How a saved copy is named for its reader: the candidate's by its title, a co-interviewer's as "Panel · <candidate> · <title>". */
export function savedCopyName(interview: Pick<InterviewSummary, 'savedBy' | 'candidateName' | 'jobTitle'>): string {
  return interview.savedBy === 'panelist' ? `${interview.candidateName} · ${interview.jobTitle}` : interview.jobTitle;
}

/**
 * "Before the call: Run device check", offered as the room offers it: only while an interview's join
 * window is still ahead or open (the Settings that shape it, defaults until they are read).
 */
export function BeforeTheCall({
  saved,
  settings,
  now,
}: {
  saved: InterviewSummary[];
  settings: JoinWindowSettings;
  now: number;
}) {
  if (!saved.some((interview) => offersDeviceCheck(interview, settings, now))) return null;
  return (
    <>
      <h2>Before the call</h2>
      <p>Check your camera, microphone, speakers and network. Nothing is recorded or sent anywhere.</p>
      <p>
        <a href={routeHref({ screen: 'device-check' })}>Run device check</a>
      </p>
    </>
  );
}

/**
 * The home of someone who saved invitations and schedules nothing here: their interviews, the device
 * check, another invitation, and a quiet way to the full app for a person who does schedule.
 */
export function CandidateHome({ saved, onFullApp }: { saved: InterviewSummary[]; onFullApp: () => void }) {
  const zone = systemTimeZone();
  const settings = useSettings();
  // The offer goes when the last join window closes; a minute late is soon enough.
  const now = useNow(60_000);
  return (
    <section className="welcome candidate-home" aria-labelledby="home-title">
      <h1 id="home-title">{saved.length === 1 ? 'Your interview' : 'Your interviews'}</h1>
      <ul className="saved-interviews" aria-label="Your interviews">
        {saved.map((interview) => (
          <li key={interview.id}>
            <a href={routeHref({ screen: 'interview', id: interview.id })}>
              <strong>{savedCopyName(interview)}</strong> · {formatDateTime(interview.startUtc, zone)}
              {interview.status === 'cancelled' && ' (cancelled)'}
            </a>
          </li>
        ))}
      </ul>
      <BeforeTheCall saved={saved} settings={settings.value ?? defaultSettings()} now={now} />
      <h2>Another invitation</h2>
      <InvitationForm />
      <p className="note">
        <button type="button" className="link" onClick={onFullApp}>
          I schedule interviews
        </button>
      </p>
    </section>
  );
}
