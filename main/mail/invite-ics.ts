import { createEvent } from 'ics';
import type { Interview } from '../../preload/contract/interview-schema';
import type { MailKind } from './mail-kinds';
import { icsMethodFor } from './mail-kinds';

/**
 * A name made safe for an iCalendar parameter (CN="…"): the `ics` package quotes but does not
 * escape, so a double quote or a control character in a name could end the parameter and inject
 * properties (our hostile-input tests caught it). Quotes become apostrophes, controls become spaces.
 */
export function icsParamText(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ').slice(0, 200);
}

/**
 * The calendar invite, built with `ics` from UTC instants (never the machine's local time): the
 * Google event's iCalUID as UID when there is one, so guest calendars and the organizer's Google
 * Calendar see one event; SEQUENCE from the interview; METHOD REQUEST or CANCEL.
 */
export function buildInviteIcs(interview: Interview, kind: MailKind, now: number): string {
  const method = icsMethodFor[kind];
  const start = Date.parse(interview.startUtc);
  const uid = interview.google?.iCalUID ?? interview.ics.uid;
  const meet = interview.meetLink;
  const { error, value } = createEvent({
    productId: '-//Interview Desk//Interview Desk 1.0//EN',
    method,
    uid,
    sequence: interview.ics.sequence,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: start + interview.durationMinutes * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `Interview: ${interview.jobTitle} — ${interview.candidate.name}`,
    // A cancellation carries no join link, only whom to contact; the app link is for those who have it.
    description: (method === 'CANCEL'
      ? [`Cancelled: the interview for ${interview.jobTitle} with ${interview.recruiter.name}.`, `Questions? Contact ${interview.recruiter.name} at ${interview.recruiter.email}.`]
      : [
          `Interview for ${interview.jobTitle} with ${interview.recruiter.name}.`,
          meet ? `Join Google Meet: ${meet}` : '',
          `If you have Interview Desk, check your camera and microphone first: interview-desk://device-check`,
          `To reschedule, reply to ${interview.recruiter.email}.`,
        ]
    )
      .filter(Boolean)
      .join('\n'),
    ...(meet && method !== 'CANCEL' ? { location: meet, url: meet } : {}),
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: icsParamText(interview.recruiter.name), email: interview.recruiter.email },
    attendees: [{ name: icsParamText(interview.candidate.name), email: interview.candidate.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
    lastModified: now,
  });
  if (error || !value) throw new Error(`Could not build the calendar invite: ${error?.message ?? 'unknown error'}`);
  return value;
}
