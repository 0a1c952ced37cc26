import { createEvent } from 'ics';
import { isEmailAddress, type Interview } from '../../preload/shared/contract/interview-schema';
import { meetJoinUrlOrNone } from '../security/url-policy';
import type { MailKind, Recipient } from './mail-kinds';
import { icsMethodFor } from './mail-kinds';

// Control characters are exactly what these patterns look for.
/* eslint-disable no-control-regex */
const lineBreaks = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// RFC 5545 TSAFE-CHAR excludes every control but TAB (C0, DEL and C1); direction overrides are refused
// everywhere else in the app, so they go too.
const unsafe = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a calendar will show it: every kind of line break becomes one "\n", every other control
 * character (a bare CR included: lenient clients split lines on it) and direction override is
 * removed, and a broken UTF-16 half becomes U+FFFD (it could not be encoded as UTF-8 anyway).
 */
export function icsPlainText(text: string): string {
  return text
    .replace(loneSurrogate, '\uFFFD')
    .replace(lineBreaks, '\u2028')
    .replace(unsafe, '')
    .replace(/\u2028/g, '\n');
}

/**
 * A name made safe for a quoted iCalendar parameter (CN="…", RFC 5545 §3.1): a quoted value cannot
 * hold a double quote and has no escapes, so quotes become apostrophes and line breaks spaces. Some
 * readers decode `\` escapes or RFC 6868 `^` escapes in parameters anyway (ical.js does both), so
 * those two become look-alikes and every reader sees the same name.
 */
export function icsParamText(name: string): string {
  const safe = icsPlainText(name).replace(/"/g, "'").replace(/\n/g, ' ').replace(/\\/g, '/').replace(/\^/g, '\u02c6');
  // Cut by code points, never between the halves of a surrogate pair.
  return [...safe].slice(0, 200).join('');
}

/** A calendar user address: only one plain, already validated address ever goes into `mailto:`. */
function calAddress(email: string): string {
  if (!isEmailAddress(email))
    throw new Error('Could not build the calendar invite: an address is not one plain email address.');
  return email;
}

/**
 * The calendar invite (RFC 5545/5546), built with the `ics` package: UTC instants (never the machine's
 * local time); the Google event's iCalUID as UID when there is one, so guest calendars and the
 * organizer's Google Calendar see one event; SEQUENCE from the interview; METHOD REQUEST or CANCEL; a
 * Meet link only if it is one. `ics` escapes `\ ; ,` and newlines but lets every other control
 * character through (a bare CR splits lines in lenient clients), so every text value passes through
 * icsPlainText first — the one place text is made safe for a calendar.
 */
export function buildInviteIcs(
  interview: Interview,
  kind: MailKind,
  now: number,
  recipient: Recipient = 'recruiter',
  offPanel?: { name: string; address: string },
): string {
  const method = icsMethodFor[kind];
  const start = Date.parse(interview.startUtc);
  const uid = interview.google?.iCalUID ?? interview.ics.uid;
  const meet = meetJoinUrlOrNone(interview.meetLink);
  const cancelled = method === 'CANCEL';
  const { error, value } = createEvent({
    productId: '-//Interview Desk//Interview Desk 1.0//EN',
    method,
    uid: icsPlainText(uid),
    sequence: Math.max(0, Math.trunc(interview.ics.sequence)),
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: start + interview.durationMinutes * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    // Named for the calendar it lands in: the candidate's entry is not named after the candidate.
    title: icsPlainText(
      recipient === 'candidate'
        ? `Interview: ${interview.jobTitle} with ${interview.recruiter.name}`
        : `Interview: ${interview.jobTitle} — ${interview.candidate.name}`,
    ),
    // A cancellation carries no join link, only whom to contact; the app link is for those who have it.
    description: icsPlainText(
      (offPanel
        ? [
            `You are no longer on the panel for the interview for ${interview.jobTitle}.`,
            `Questions? Contact ${interview.recruiter.name} at ${interview.recruiter.email}.`,
          ]
        : cancelled
          ? [
              `Cancelled: the interview for ${interview.jobTitle} with ${interview.recruiter.name}.`,
              `Questions? Contact ${interview.recruiter.name} at ${interview.recruiter.email}.`,
            ]
          : [
              `Interview for ${interview.jobTitle} with ${interview.recruiter.name}.`,
              meet ? `Join Google Meet: ${meet}` : '',
              'If you have Interview Desk, check your camera and microphone first: interview-desk://device-check',
              // Whom to write to, for whoever reads it (the recruiter's own copy needs no such line).
              recipient === 'candidate'
                ? `To reschedule, reply to ${interview.recruiter.email}.`
                : recipient === 'recruiter'
                  ? ''
                  : `Questions? Write to ${interview.recruiter.name} at ${interview.recruiter.email}.`,
            ]
      )
        .filter(Boolean)
        .join('\n'),
    ),
    ...(meet && !cancelled ? { location: meet, url: meet } : {}),
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: icsParamText(interview.recruiter.name), email: calAddress(interview.recruiter.email) },
    // The same guest list for everyone who receives it (as on the Calendar event): the candidate, then
    // the panel. A co-interviewer taken off the panel gets a CANCEL naming only them (RFC 5546: a
    // CANCEL uninvites the attendees it lists), and never learns who is on the panel now.
    attendees: offPanel
      ? [
          {
            name: icsParamText(offPanel.name),
            email: calAddress(offPanel.address),
            rsvp: false,
            partstat: 'NEEDS-ACTION',
            role: 'REQ-PARTICIPANT',
          },
        ]
      : [
          {
            name: icsParamText(interview.candidate.name),
            email: calAddress(interview.candidate.email),
            rsvp: true,
            partstat: 'NEEDS-ACTION',
            role: 'REQ-PARTICIPANT',
          },
          ...interview.coInterviewers.map((p) => ({
            name: icsParamText(p.name ?? p.email),
            email: calAddress(p.email),
            rsvp: true,
            partstat: 'NEEDS-ACTION' as const,
            role: 'REQ-PARTICIPANT' as const,
          })),
        ],
    lastModified: now,
  });
  if (error || !value) throw new Error(`Could not build the calendar invite: ${error?.message ?? 'unknown error'}`);
  return value;
}
