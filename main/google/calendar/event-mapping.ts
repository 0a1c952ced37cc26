import { plannedSpan } from '../../../preload/shared/rules/interview-timing';
import type { calendar_v3 } from 'googleapis';
import { meetLinkSchema, type Interview } from '../../../preload/shared/contract/interview-schema';
import { isMeetJoinUrl } from '../../security/url-policy';

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
  return plannedSpan(interview).end;
}

/** The event's guests: the candidate, the recruiter (organizer), then the panel. */
export function guestsOf(interview: Interview): calendar_v3.Schema$EventAttendee[] {
  return [
    { email: interview.candidate.email, displayName: interview.candidate.name },
    {
      email: interview.recruiter.email,
      displayName: interview.recruiter.name,
      organizer: true,
      responseStatus: 'accepted',
    },
    // The panel: guests like the candidate; with sendUpdates=none Google emails none of them.
    ...interview.coInterviewers.map((p) => ({ email: p.email, ...(p.name ? { displayName: p.name } : {}) })),
  ];
}

const key = (email: string | null | undefined) => (typeof email === 'string' ? email.toLowerCase() : undefined);

/** The addresses (without case) of the guests the app wants on the event now. */
export function guestAddresses(interview: Interview): string[] {
  return guestsOf(interview).map((g) => g.email!.toLowerCase());
}

/**
 * The guests the app has put (or is putting) on the event. Records from before this was kept name
 * the co-interviewers the app emailed (each has a delivery entry under their address).
 */
export function writtenGuests(interview: Interview): string[] {
  return interview.google?.guestsWritten ?? Object.keys(interview.invitations.panel ?? {});
}

/** The guests written so far plus those about to be written: the record to keep before a write, so a lost answer loses nothing. */
export function withGuestsWriting(interview: Interview): string[] {
  return [...new Set([...writtenGuests(interview), ...guestAddresses(interview)])];
}

/**
 * The guest list after a panel change, for a patch (which replaces the whole list). It starts from
 * Google's list as it is now: everyone there keeps their entry (and answer), including guests and
 * rooms added in Google Calendar that the app knows nothing about; only guests the app itself put
 * there and that the panel no longer has go; new ones are added at the end.
 */
export function mergeGuests(
  current: calendar_v3.Schema$EventAttendee[] | undefined,
  interview: Interview,
): calendar_v3.Schema$EventAttendee[] {
  const wanted = guestsOf(interview);
  const wantedKeys = new Set(wanted.map((w) => key(w.email)));
  const takenOff = new Set(writtenGuests(interview).filter((address) => !wantedKeys.has(address)));
  const kept = (current ?? []).filter((a) => !takenOff.has(key(a.email) ?? ''));
  const present = new Set(kept.map((a) => key(a.email)));
  return [...kept, ...wanted.filter((w) => !present.has(key(w.email)))];
}

/**
 * What to write so the event's guests follow the panel, from the event as Google has it now (see
 * mergeGuests), with the interview's SEQUENCE; undefined when the event already has it all.
 */
export function guestPatch(
  current: calendar_v3.Schema$Event,
  interview: Interview,
): calendar_v3.Schema$Event | undefined {
  const attendees = mergeGuests(current.attendees, interview);
  const description = panelInDescription(current.description, interview);
  const newDescription = description !== undefined && description !== current.description;
  const before = current.attendees ?? [];
  const sameGuests =
    attendees.length === before.length && attendees.every((a, i) => key(a.email) === key(before[i]!.email));
  if (sameGuests && !newDescription && (current.sequence ?? 0) >= interview.ics.sequence) return undefined;
  return { attendees, sequence: interview.ics.sequence, ...(newDescription ? { description } : {}) };
}

/** The description's line for each co-interviewer. */
function panelLines(interview: Interview): string[] {
  return interview.coInterviewers.map((p) => `Co-interviewer: ${p.name ? `${p.name} <${p.email}>` : p.email}`);
}

/**
 * The event's description naming the current panel: its co-interviewer lines replaced, everything
 * else (edits made in Google Calendar included) kept. Undefined when there is no interviewer line of
 * the app's to put them after (the description was rewritten in Calendar: it is left alone).
 */
export function panelInDescription(current: string | null | undefined, interview: Interview): string | undefined {
  const rest = (current ?? '').split('\n').filter((line) => !line.startsWith('Co-interviewer: '));
  const at = rest.findIndex((line) => line.startsWith('Interviewer: '));
  if (at < 0) return undefined;
  return [...rest.slice(0, at + 1), ...panelLines(interview), ...rest.slice(at + 1)].join('\n');
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
      ...panelLines(interview),
      `Duration: ${interview.durationMinutes} minutes`,
      // Guests see the description: the candidate's message goes here, private notes never do.
      interview.candidateMessage ? `\nMessage from ${interview.recruiter.name}:\n${interview.candidateMessage}` : '',
      '\nScheduled with Interview Desk.',
    ]
      .filter(Boolean)
      .join('\n'),
    start: { dateTime: interview.startUtc, timeZone: interview.timeZone },
    end: { dateTime: endOf(interview), timeZone: interview.timeZone },
    attendees: guestsOf(interview),
    // A pasted link becomes the event's conference; only without one does Google make a new Meet.
    ...(interview.meetLink
      ? linkPatch(interview.meetLink)
      : {
          conferenceData: {
            createRequest: { requestId: `idesk-${interview.id}`, conferenceSolutionKey: { type: 'hangoutsMeet' } },
          },
        }),
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

/**
 * What an event says about its video link. Only a Google Meet URL is ever taken; any other link
 * (a conferencing add-on, or someone with edit rights on the calendar replacing the entry point) is
 * "unusable": never stored, sent or opened, but remembered so the room can say so.
 */
export type MeetLinkReading = { kind: 'meet'; link: string } | { kind: 'none' } | { kind: 'unusable' };

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Reads the video link of an event as Google sent it; defensive about shape, since it is outside input. */
export function readMeetLink(event: unknown): MeetLinkReading {
  const fields = record(event);
  if (!fields) return { kind: 'none' };
  const offered: unknown[] = [fields.hangoutLink];
  const entryPoints = record(fields.conferenceData)?.entryPoints;
  if (Array.isArray(entryPoints))
    for (const entry of entryPoints) if (record(entry)?.entryPointType === 'video') offered.push(record(entry)?.uri);
  const present = offered.filter((link) => link !== undefined && link !== null && link !== '');
  if (present.length === 0) return { kind: 'none' };
  for (const link of present) {
    // Google may add a query (`?authuser=0`); the schema drops it, then the policy checks the exact form.
    const parsed = meetLinkSchema.safeParse(link);
    if (parsed.success && isMeetJoinUrl(parsed.data)) return { kind: 'meet', link: parsed.data };
  }
  return { kind: 'unusable' };
}

/** The Meet link of an event once its conference exists (never anything but a Meet URL). */
export function meetLinkOf(event: calendar_v3.Schema$Event): string | undefined {
  const reading = readMeetLink(event);
  return reading.kind === 'meet' ? reading.link : undefined;
}

/**
 * The interview with an event's video link applied: a Meet link replaces the stored one; an unusable
 * link removes it (the candidate must not be sent to a meeting the calendar no longer shows) and
 * marks the interview; no link at all changes nothing.
 */
export function withEventMeetLink(interview: Interview, reading: MeetLinkReading): Interview {
  if (reading.kind === 'none') return interview;
  const { meetLink: _previous, ...rest } = interview;
  const { unusableMeetLink: _flag, ...google } = interview.google ?? {
    eventId: eventIdFor(interview.id),
    state: 'synced' as const,
  };
  if (reading.kind === 'meet') return { ...rest, meetLink: reading.link, google };
  return { ...rest, google: { ...google, unusableMeetLink: true } };
}

/** pending | success | failure | undefined (no conference requested). */
export function conferenceStatus(event: calendar_v3.Schema$Event): string | undefined {
  return event.conferenceData?.createRequest?.status?.statusCode ?? (meetLinkOf(event) ? 'success' : undefined);
}
