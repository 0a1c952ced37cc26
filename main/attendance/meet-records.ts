/**
 * What the app keeps of Google Meet REST v2 conference data, and the parsers that turn Google's
 * loose JSON (every field optional, timestamps as strings) into it. Data from Google is input:
 * an entry without a name or a valid start is dropped, never guessed.
 */
import { invisibleChars, lineControlChars } from '../../preload/shared/contract/interview-schema';

/** One conference held in a Meet space (a meeting code can have several over time). */
export interface ConferenceRecord {
  /** `conferenceRecords/{id}` */
  name: string;
  startTime: string;
  /** Absent while the conference is running. */
  endTime?: string;
  /** `spaces/{id}` */
  space?: string;
  /** When Google deletes the record and its artifacts (30 days after it ends); absent while running. */
  expireTime?: string;
}

/** Who a participant is, as Meet tells it: signed in (with a stable `users/…` id), anonymous, or by phone. */
export type ParticipantIdentity =
  | { kind: 'signedin'; user: string; displayName: string }
  | { kind: 'anonymous'; displayName: string }
  | { kind: 'phone'; displayName: string };

/** A person in a conference (one per person, however often they rejoin). */
export interface MeetParticipant {
  /** `conferenceRecords/{id}/participants/{id}` */
  name: string;
  identity: ParticipantIdentity;
  earliestStartTime?: string;
  /** Absent while they are in the call. */
  latestEndTime?: string;
}

/** One join-to-leave of a participant on one device. */
export interface MeetSession {
  name: string;
  startTime: string;
  /** Absent while the session is live. */
  endTime?: string;
}

/** A conference with its participants and each one's sessions: the unit attendance is computed from. */
export interface ConferenceAttendance {
  record: ConferenceRecord;
  participants: Array<{ participant: MeetParticipant; sessions: MeetSession[] }>;
}

type Loose = Record<string, unknown>;

const text = (v: unknown, max = 1024): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
// Google sends RFC 3339 timestamps ("2030-01-13T09:03:00.123456Z" or with an offset). Anything else is
// refused rather than read by Date.parse's lenient rules (which read a bare date-time in local time).
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const instant = (v: unknown): string | undefined => {
  const s = text(v, 64);
  return s && rfc3339.test(s) && !Number.isNaN(Date.parse(s)) ? new Date(Date.parse(s)).toISOString() : undefined;
};
// A display name is chosen by whoever joins (anyone with the link, as a guest): it reaches the
// notification title, the banner and the timeline, so controls, line breaks, bidi overrides and
// invisible characters go (they could reorder or hide what the recruiter reads, or make a name look
// like someone else's), and it is cut to a name's length.
// What a one-line field of the app's own refuses, plus every character that shows nothing.
// Unicode's own classes catch what no list keeps up with: format characters, every default-ignorable
// code point (variation selectors, Mongolian and musical-symbol controls…) and the blank Braille cell.
const unsafeInName = new RegExp(
  `[${lineControlChars}${invisibleChars}\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u2800]`,
  'gu',
);
export const displayNameMax = 100;
/** A participant's display name as the app shows it: NFC, no invisible or reordering characters, at most 100 characters. */
export function cleanDisplayName(v: unknown): string {
  if (typeof v !== 'string') return '';
  // Cut by code points, never inside a surrogate pair.
  const cleaned = [...v.slice(0, 2048)]
    .slice(0, 1024)
    .join('')
    .normalize('NFC')
    .replace(/[\t\n\r\u2028\u2029]/g, ' ')
    .replace(unsafeInName, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, displayNameMax).join('');
}
const object = (v: unknown): Loose | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined;

// Names go back to Google as a request path's `parent`: only the documented shapes, ids of URL-safe
// characters, so no `/`, `..`, `?` or `%` from a response can steer a later request elsewhere.
const recordName = /^conferenceRecords\/[A-Za-z0-9_-]+$/;
const participantName = /^conferenceRecords\/[A-Za-z0-9_-]+\/participants\/[A-Za-z0-9_-]+$/;

/** A conference record from Google, or undefined when it lacks a well-formed name or a valid start. */
export function parseConferenceRecord(raw: unknown): ConferenceRecord | undefined {
  const r = object(raw);
  const name = text(r?.name);
  const startTime = instant(r?.startTime);
  if (!r || !name || !recordName.test(name) || !startTime) return undefined;
  const endTime = instant(r.endTime);
  const space = text(r.space);
  const expireTime = instant(r.expireTime);
  return {
    name,
    startTime,
    ...(endTime ? { endTime } : {}),
    ...(space ? { space } : {}),
    ...(expireTime ? { expireTime } : {}),
  };
}

/** A participant from Google, or undefined without a well-formed name or an identity. */
export function parseParticipant(raw: unknown): MeetParticipant | undefined {
  const p = object(raw);
  const name = text(p?.name);
  if (!p || !name || !participantName.test(name)) return undefined;
  const signed = object(p.signedinUser);
  const anonymous = object(p.anonymousUser);
  const phone = object(p.phoneUser);
  const displayName = (o: Loose | undefined) => cleanDisplayName(o?.displayName);
  let identity: ParticipantIdentity | undefined;
  if (signed && text(signed.user))
    identity = { kind: 'signedin', user: text(signed.user)!, displayName: displayName(signed) };
  else if (anonymous) identity = { kind: 'anonymous', displayName: displayName(anonymous) };
  else if (phone) identity = { kind: 'phone', displayName: displayName(phone) };
  if (!identity) return undefined;
  const earliestStartTime = instant(p.earliestStartTime);
  const latestEndTime = instant(p.latestEndTime);
  return {
    name,
    identity,
    ...(earliestStartTime ? { earliestStartTime } : {}),
    ...(latestEndTime ? { latestEndTime } : {}),
  };
}

/** A participant session from Google, or undefined without a name or a valid start (an end before the start is dropped). */
export function parseSession(raw: unknown): MeetSession | undefined {
  const s = object(raw);
  const name = text(s?.name);
  const startTime = instant(s?.startTime);
  if (!s || !name || !startTime) return undefined;
  const endTime = instant(s.endTime);
  if (endTime && Date.parse(endTime) < Date.parse(startTime)) return undefined;
  return { name, startTime, ...(endTime ? { endTime } : {}) };
}
