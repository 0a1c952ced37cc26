import type { calendar_v3 } from 'googleapis';
import type { Interview } from '../../preload/contract/interview-schema';

/**
 * The Calendar event id for an interview: its UUID without hyphens. Hex digits are base32hex
 * characters and 32 of them fit Google's 5–1024 rule, so creation is idempotent: a retry after a
 * timeout meets 409 (or finds the event by id) instead of making a second event.
 */
export function eventIdFor(interviewId: string): string {
  return interviewId.replaceAll('-', '').toLowerCase();
}

/** The interview a Calendar event belongs to, if the app created it. */
export function interviewIdOf(event: calendar_v3.Schema$Event): string | undefined {
  const marked = event.extendedProperties?.private?.interviewDeskId;
  return typeof marked === 'string' ? marked : undefined;
}

function endOf(interview: Interview): string {
  return new Date(Date.parse(interview.startUtc) + interview.durationMinutes * 60_000).toISOString();
}

/** The event body for a new interview: summary, details, UTC times with the zone, attendees, a Meet request. */
export function eventForInterview(interview: Interview): calendar_v3.Schema$Event {
  return {
    id: eventIdFor(interview.id),
    summary: `Interview: ${interview.jobTitle} — ${interview.candidate.name}`,
    description: [
      `Interview for ${interview.jobTitle}`,
      `Candidate: ${interview.candidate.name} <${interview.candidate.email}>`,
      `Interviewer: ${interview.recruiter.name} <${interview.recruiter.email}>`,
      `Duration: ${interview.durationMinutes} minutes`,
      // Guests see the description: the candidate's message goes here, private notes never do.
      interview.candidateMessage ? `\nMessage from ${interview.recruiter.name}:\n${interview.candidateMessage}` : '',
      '\nScheduled with Interview Desk.',
    ]
      .filter(Boolean)
      .join('\n'),
    start: { dateTime: interview.startUtc, timeZone: interview.timeZone },
    end: { dateTime: endOf(interview), timeZone: interview.timeZone },
    attendees: [
      { email: interview.candidate.email, displayName: interview.candidate.name },
      { email: interview.recruiter.email, displayName: interview.recruiter.name, organizer: true, responseStatus: 'accepted' },
    ],
    // A pasted link becomes the event's conference; only without one does Google make a new Meet.
    ...(interview.meetLink ? linkPatch(interview.meetLink) : { conferenceData: { createRequest: { requestId: `idesk-${interview.id}`, conferenceSolutionKey: { type: 'hangoutsMeet' } } } }),
    extendedProperties: { private: { interviewDeskId: interview.id } },
    guestsCanModify: false,
    reminders: { useDefault: true },
  };
}

/** The patch for a reschedule: the time only (the conference is left alone, so the Meet link stays). */
export function reschedulePatch(interview: Interview): calendar_v3.Schema$Event {
  return {
    start: { dateTime: interview.startUtc, timeZone: interview.timeZone },
    end: { dateTime: endOf(interview), timeZone: interview.timeZone },
    sequence: interview.ics.sequence,
  };
}

/**
 * Puts an existing Meet link on an event: a Meet conference given by its meeting code and video entry
 * point, with no createRequest (Calendar takes "conferenceSolution and at least one entryPoint" in place
 * of a request), and the link as the location too, which every calendar shows.
 */
export function linkPatch(meetLink: string): calendar_v3.Schema$Event {
  const code = new URL(meetLink).pathname.slice(1);
  return {
    location: meetLink,
    conferenceData: {
      conferenceId: code,
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      entryPoints: [{ entryPointType: 'video', uri: meetLink, label: meetLink.replace('https://', '') }],
    },
  };
}

/** The Meet link of an event once its conference exists. */
export function meetLinkOf(event: calendar_v3.Schema$Event): string | undefined {
  return event.hangoutLink ?? event.conferenceData?.entryPoints?.find((e) => e.entryPointType === 'video')?.uri ?? undefined;
}

/** pending | success | failure | undefined (no conference requested). */
export function conferenceStatus(event: calendar_v3.Schema$Event): string | undefined {
  return event.conferenceData?.createRequest?.status?.statusCode ?? (meetLinkOf(event) ? 'success' : undefined);
}
