import { isEmailAddress, type Interview } from '../../preload/contract/interview-schema';
import { meetJoinUrlOrNone } from '../security/url-policy';
import type { MailKind } from './mail-kinds';
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
  return text.replace(loneSurrogate, '\uFFFD').replace(lineBreaks, '\u2028').replace(unsafe, '').replace(/\u2028/g, '\n');
}

/** The one place text becomes an iCalendar TEXT value (RFC 5545 §3.3.11): made plain, then `\ ; ,` and newline escaped. */
export function icsText(text: string): string {
  return icsPlainText(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
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
  if (!isEmailAddress(email)) throw new Error('Could not build the calendar invite: an address is not one plain email address.');
  return `mailto:${email}`;
}

/** Content lines are folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * The calendar invite (RFC 5545/5546), written here so every value passes through one escaping
 * step: UTC instants (never the machine's local time); the Google event's iCalUID as UID when there
 * is one, so guest calendars and the organizer's Google Calendar see one event; SEQUENCE from the
 * interview; METHOD REQUEST or CANCEL; a Meet link only if it is one.
 */
export function buildInviteIcs(interview: Interview, kind: MailKind, now: number): string {
  const method = icsMethodFor[kind];
  const start = Date.parse(interview.startUtc);
  const uid = interview.google?.iCalUID ?? interview.ics.uid;
  const meet = meetJoinUrlOrNone(interview.meetLink);
  const description = [
    `Interview for ${interview.jobTitle} with ${interview.recruiter.name}.`,
    meet ? `Join Google Meet: ${meet}` : '',
    `Check your camera and microphone first: interview-desk://device-check`,
    `To reschedule, reply to ${interview.recruiter.email}.`,
  ]
    .filter(Boolean)
    .join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Interview Desk//Interview Desk 1.0//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${icsText(uid)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(interview.ics.sequence))}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(start + interview.durationMinutes * 60_000)}`,
    `SUMMARY:${icsText(`Interview: ${interview.jobTitle} — ${interview.candidate.name}`)}`,
    `DESCRIPTION:${icsText(description)}`,
    // A Meet URL has no character that needs escaping (checked above), so URL and LOCATION carry it as is.
    ...(meet ? [`URL:${meet}`, `LOCATION:${meet}`] : []),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN="${icsParamText(interview.recruiter.name)}":${calAddress(interview.recruiter.email)}`,
    `ATTENDEE;RSVP=TRUE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;CN="${icsParamText(interview.candidate.name)}":${calAddress(interview.candidate.email)}`,
    `LAST-MODIFIED:${utc(now)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
