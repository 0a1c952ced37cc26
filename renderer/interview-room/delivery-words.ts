import type { Interview } from '../../preload/shared/contract/interview-schema';
import { personName } from '../../preload/shared/rules/person-name';
import type { TimeStyle } from '../../preload/shared/rules/time-format';
import { droppedAfterRestore } from '../../preload/shared/rules/dropped-after-restore';
import { hasEnded } from '../../preload/shared/rules/interview-timing';
import { dayKey, formatClock, screenTimeStyle } from '../common/format';

type Who = 'candidate' | 'recruiter';
type Kind = NonNullable<Interview['invitations']['candidate']['kind']>;

const kindWords: Record<Kind, string> = {
  invitation: 'Invitation',
  update: 'Update',
  cancellation: 'Cancellation',
  reminder: 'Reminder',
};

type Delivery = Interview['invitations']['candidate'];

/** The message a delivery state is about; records from before the kind was kept are read from the interview. */
function kindOf(interview: Interview, delivery: Delivery): Kind {
  const kept = delivery.kind;
  if (kept) return kept;
  if (interview.status === 'cancelled') return 'cancellation';
  return interview.ics.sequence > 0 ? 'update' : 'invitation';
}

/** "14:02" (or "2:02 PM") today, "3 Mar, 14:02" another day, in the given zone, as the screen writes times. */
function when(iso: string, zone: string, now: number, style: TimeStyle): string {
  const ms = Date.parse(iso);
  return formatClock(ms, zone, dayKey(ms, zone) === dayKey(now, zone) ? 'none' : 'dayMonth', undefined, style);
}

/**
 * What went out to whom, from the delivery state: "Cancellation sent to Ada Lovelace at 14:02",
 * "Update queued for Ada Lovelace (not sent yet)", "Invitation to you failed: …". An update may be a
 * new time, a new link or a new panel, so the state alone names it "Update"; a caller that knows
 * which (the reschedule it just made) passes `kindLabel`.
 */
export function deliveryLine(
  interview: Interview,
  who: Who,
  zone: string,
  now: number,
  kindLabel?: string,
  style: TimeStyle = screenTimeStyle(),
): string {
  return stateLine(
    interview,
    interview.invitations[who],
    who === 'candidate' ? personName(interview.candidate) : 'you',
    zone,
    now,
    style,
    kindLabel,
  );
}

/**
 * What a cancel just made here did, by the rule that decides it (mailForChange): an interview whose
 * time had passed is only marked cancelled; with Google emailing the guests (Settings) Google Calendar
 * tells them; otherwise the candidate's cancellation line.
 */
export function cancelledLine(
  interview: Interview,
  zone: string,
  now: number,
  googleSendsInvites: boolean,
  style: TimeStyle = screenTimeStyle(),
): string {
  if (hasEnded(interview, now)) return 'Marked cancelled; no one was emailed';
  if (googleSendsInvites && interview.google)
    return 'Cancelled; Google Calendar emails the guests (Interview Desk sent no cancellation)';
  return deliveryLine(interview, 'candidate', zone, now, undefined, style);
}

/** The same line for one co-interviewer of a panel, from their own delivery state. */
export function panelDeliveryLine(
  interview: Interview,
  person: Interview['coInterviewers'][number],
  zone: string,
  now: number,
  style: TimeStyle = screenTimeStyle(),
): string {
  return stateLine(
    interview,
    interview.invitations.panel?.[person.email.toLowerCase()] ?? { state: 'none' },
    personName(person),
    zone,
    now,
    style,
  );
}

function stateLine(
  interview: Interview,
  state: Delivery,
  name: string,
  zone: string,
  now: number,
  style: TimeStyle,
  kindLabel?: string,
): string {
  const kind = kindLabel ?? kindWords[kindOf(interview, state)];
  switch (state.state) {
    case 'sent':
      return `${kind} sent to ${name}${state.at ? ` at ${when(state.at, zone, now, style)}` : ''}`;
    case 'queued':
      return `${kind} queued for ${name} (not sent yet${state.reason ? `: ${state.reason}` : ''})`;
    case 'failed':
      // Dropped by the person after restoring a copy of the data: their choice, not a failure.
      if (state.reason === droppedAfterRestore) return `${kind} to ${name} not sent: ${droppedAfterRestore}`;
      return `${kind} to ${name} failed${state.reason ? `: ${state.reason}` : ''}`;
    case 'none':
      if (interview.status === 'cancelled') return `Nothing sent to ${name}: no invitation had gone out`;
      return interview.meetLink
        ? `Nothing sent to ${name} yet`
        : `Nothing sent to ${name} yet: the invitation waits for the Meet link`;
  }
}

/**
 * Co-interviewers taken off the panel, each with what they were told ("Off-the-panel notice sent to
 * Alan Turing at 14:02"): they leave the panel but not the record of what went out.
 */
export function formerPanelLines(
  interview: Interview,
  zone: string,
  now: number,
  style: TimeStyle = screenTimeStyle(),
): Array<{ address: string; line: string }> {
  const current = new Set(interview.coInterviewers.map((p) => p.email.toLowerCase()));
  return Object.entries(interview.invitations.panel ?? {})
    .filter(([address]) => !current.has(address))
    .map(([address, state]) => {
      // Off the panel, a cancellation was always the notice that they are off it (the interview's own
      // cancellation goes to the panel of the moment, which no longer had them).
      const removal = state.kind === 'cancellation';
      return {
        address,
        line: stateLine(
          interview,
          state,
          personName({ name: state.name, email: address }),
          zone,
          now,
          style,
          removal ? 'Off-the-panel notice' : undefined,
        ),
      };
    });
}
