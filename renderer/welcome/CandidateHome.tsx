import type { InterviewSummary } from '../../preload/shared/contract/interview-schema';
import { formatDateTime, systemTimeZone } from '../common/format';
import { routeHref } from '../app/use-hash-route';
import { InvitationForm } from './InvitationForm';

/** How a saved copy is named for its reader: the candidate's by its title, a co-interviewer's as "Panel · <candidate> · <title>". */
export function savedCopyName(interview: Pick<InterviewSummary, 'savedBy' | 'candidateName' | 'jobTitle'>): string {
  return interview.savedBy === 'panelist' ? `${interview.candidateName} · ${interview.jobTitle}` : interview.jobTitle;
}

/**
 * The home of someone who saved invitations and schedules nothing here: their interviews, the device
 * check, another invitation, and a quiet way to the full app for a person who does schedule.
 */
export function CandidateHome({ saved, onFullApp }: { saved: InterviewSummary[]; onFullApp: () => void }) {
  const zone = systemTimeZone();
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
      <h2>Before the call</h2>
      <p>Check your camera, microphone, speakers and network. Nothing is recorded or sent anywhere.</p>
      <p>
        <a href={routeHref({ screen: 'device-check' })}>Run device check</a>
      </p>
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
