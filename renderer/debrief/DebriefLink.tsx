import type { Interview } from '../../preload/shared/contract/interview-schema';
import { routeHref } from '../app/use-hash-route';

/** The room's way to the debrief, once the interview has started: this interview's, or every one with the candidate. */
export function DebriefLink({ interview, now }: { interview: Interview; now: number }) {
  if (Date.parse(interview.startUtc) > now) return null;
  return (
    <section className="panel no-print" aria-labelledby="debrief-link-title">
      <h2 id="debrief-link-title">Debrief</h2>
      <p className="muted">What each interviewer said, side by side, with attendance and Meet’s links.</p>
      <p className="actions">
        <a href={routeHref({ screen: 'debrief', id: interview.id, scope: 'interview' })}>Open the debrief</a>
        <a href={routeHref({ screen: 'debrief', id: interview.id, scope: 'candidate' })}>
          Every interview with {interview.candidate.name}
        </a>
      </p>
    </section>
  );
}
