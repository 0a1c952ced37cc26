/**
 * Attendance of one interview from Google Meet's own records: which conferences of its meeting code
 * belong to it, who was on the interviewer side and who on the candidate side, when each joined and
 * left, how late each side was, how long both were actually together, and the outcome. Pure: no
 * storage, no clock of its own (`now` is passed in).
 *
 * Who is who, in order (first rule that applies wins):
 * 1. A signed-in participant whose `users/…` id is a known interviewer identity (the connected
 *    account) is the interviewer side, "by account". Only this proves the interviewer side was
 *    there: a display name is typed by whoever joins. A signed-in interviewer's phone or tablet
 *    needs no other rule: Meet keeps one participant per person, with one session per device.
 * 2. Any participant whose display name matches an interviewer's name (the recruiter's, a
 *    co-interviewer's) and not the candidate's is "unconfirmed", "by name": shown as named, never
 *    counted as the interviewer side (a candidate rejoining as "Bob Panel" must not make "Both
 *    attended").
 * 3. A participant whose display name matches the candidate's name (and no interviewer's) is the
 *    candidate side, "by name".
 * 4. Everyone else is recorded as unmatched — never guessed. A dial-in (`phoneUser`) shows a
 *    partly hidden number, so it is unmatched unless its display name matches. An unmatched or
 *    unconfirmed person keeps a no-show from being declared: the outcome is then "unconfirmed", so
 *    a recruiter's absence is never counted as a candidate's no-show nor the other way round.
 */
import { intersectSpans, mergeSpans, type Span } from '../../preload/shared/rules/time-spans';
import type { ConferenceAttendance, ParticipantIdentity } from './meet-records';

/** Someone on the interviewer side; any field may be unknown. */
export interface InterviewerIdentity {
  /** Meet's `users/{id}` for a signed-in Google account (the connected account's Google id). */
  user?: string;
  email?: string;
  name?: string;
}

/** The interview facts attendance needs. */
export interface InterviewForAttendance {
  scheduledStart: string;
  scheduledEnd: string;
  meetingCode: string;
  interviewers: InterviewerIdentity[];
  candidateName: string;
}

/** How far around the scheduled time a conference or a session still counts (people join early, run late). */
export interface AttendanceOptions {
  now: number;
  /** Default 15 minutes before the scheduled start. */
  marginBeforeMinutes?: number;
  /** Default 30 minutes after the scheduled end. */
  marginAfterMinutes?: number;
}

/** Which side a participant is on; `unconfirmed`: named like the interviewer side, not proven by the account. */
export type AttendanceSide = 'interviewer' | 'unconfirmed' | 'candidate' | 'unmatched';

/** One person across the interview's conferences. */
export interface PersonAttendance {
  displayName: string;
  kind: ParticipantIdentity['kind'];
  side: AttendanceSide;
  matchedBy: 'account' | 'name' | 'none';
  /** Joins and leaves, in order; `end` absent while still in the call. */
  sessions: Array<{ start: string; end?: string }>;
  firstJoin: string;
  /** Minutes after the scheduled start of the first join (0 when on time or early). */
  lateMinutes: number;
  /** Minutes present (overlapping sessions on two devices counted once). */
  presentMinutes: number;
  inCallNow: boolean;
}

/** The verdict. `unconfirmed`: someone who could not be identified attended, so no no-show is declared. */
export type AttendanceOutcome = 'completed' | 'candidate_no_show' | 'interviewer_no_show' | 'neither' | 'unconfirmed';

/** Attendance of one interview. */
export interface AttendanceReport {
  /** Resource names of the conferences that belong to this interview (a reused link can give several). */
  records: string[];
  people: PersonAttendance[];
  interviewerJoinedAt?: string;
  candidateJoinedAt?: string;
  interviewerLateMinutes?: number;
  candidateLateMinutes?: number;
  /** From the first moment both sides were present to the last moment both were. */
  together?: { start: string; end: string; minutes: number };
  outcome: AttendanceOutcome;
  /** False while a conference is still running, before the scheduled end, or (with no conference) before the window's margin has passed. */
  final: boolean;
}

const minute = 60_000;

/** Lower case, accents and punctuation removed, spaces collapsed: "  Adá  LOVELACE." → ["ada", "lovelace"]. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * Whether a display name names this person: the same words, or one name's words all found in the
 * other's (a middle name more or less), where a single letter stands for a word with that initial
 * ("A. Lovelace"). At least one whole word must be the same: initials alone ("R. R.") never match,
 * and a lone first name is not enough.
 */
export function namesMatch(displayName: string, knownName: string): boolean {
  const shown = nameTokens(displayName);
  const known = nameTokens(knownName);
  if (shown.length === 0 || known.length === 0) return false;
  const whole = (words: string[]) => words.some((w) => w.length > 1);
  if (shown.join(' ') === known.join(' ')) return whole(shown);
  if (shown.length < 2 || known.length < 2) return false;
  const covered = (words: string[], pool: string[]) => {
    const left = [...pool];
    // Whole words first, so an initial never takes the word a whole one would match.
    const sameWords = words.filter((w) => {
      const i = left.indexOf(w);
      if (i >= 0) left.splice(i, 1);
      return i >= 0;
    });
    const rest = words.filter((w) => !sameWords.includes(w));
    const initialsCovered = rest.every((w) => {
      const i = left.findIndex((p) => (w.length === 1 && p.startsWith(w)) || (p.length === 1 && w.startsWith(p)));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
    return initialsCovered && whole(sameWords);
  };
  return covered(shown, known) || covered(known, shown);
}

function classify(
  identity: ParticipantIdentity,
  interview: InterviewForAttendance,
): Pick<PersonAttendance, 'side' | 'matchedBy'> {
  if (identity.kind === 'signedin' && interview.interviewers.some((i) => i.user === identity.user))
    return { side: 'interviewer', matchedBy: 'account' };
  const interviewer = interview.interviewers.some((i) => i.name && namesMatch(identity.displayName, i.name));
  const candidate = namesMatch(identity.displayName, interview.candidateName);
  if (interviewer && !candidate) return { side: 'unconfirmed', matchedBy: 'name' };
  if (candidate && !interviewer) return { side: 'candidate', matchedBy: 'name' };
  return { side: 'unmatched', matchedBy: 'none' };
}

const total = (spans: Span[]) => spans.reduce((sum, s) => sum + (s.end - s.start), 0);
const iso = (ms: number) => new Date(ms).toISOString();
const lateness = (joined: number, scheduled: number) => Math.max(0, Math.round((joined - scheduled) / minute));

/** The instants a conference or a session must overlap to count for this interview: the scheduled time widened by the margins. */
export function attendanceWindow(
  interview: Pick<InterviewForAttendance, 'scheduledStart' | 'scheduledEnd'>,
  options: Omit<AttendanceOptions, 'now'> = {},
): { windowStart: number; windowEnd: number } {
  return {
    windowStart: Date.parse(interview.scheduledStart) - (options.marginBeforeMinutes ?? 15) * minute,
    windowEnd: Date.parse(interview.scheduledEnd) + (options.marginAfterMinutes ?? 30) * minute,
  };
}

/** Whether a span meets the window; an end not yet known (still in the call) reaches any later instant. */
export function meetsWindow(
  window: { windowStart: number; windowEnd: number },
  start: number,
  end = Infinity,
): boolean {
  return start < window.windowEnd && end > window.windowStart;
}

interface Gathered {
  person: PersonAttendance;
  spans: Span[];
}

/**
 * People of the conferences that overlap the interview's window, merged across records, with their
 * sessions clipped to "now". The sessions shown are Meet's; what is counted (time present, time
 * together) is clipped to the window too: a tab left open in the call for hours afterwards, or an
 * earlier meeting on a reused link that someone stayed in, is not interview time.
 */
function gather(interview: InterviewForAttendance, conferences: ConferenceAttendance[], options: AttendanceOptions) {
  const scheduledStart = Date.parse(interview.scheduledStart);
  const window = attendanceWindow(interview, options);
  const { windowStart, windowEnd } = window;
  const overlaps = (start: number, end: number) => meetsWindow(window, start, end);
  const relevant = conferences
    .filter((c) =>
      overlaps(Date.parse(c.record.startTime), c.record.endTime ? Date.parse(c.record.endTime) : options.now),
    )
    .sort((a, b) => Date.parse(a.record.startTime) - Date.parse(b.record.startTime));
  const people = new Map<string, Gathered>();
  for (const conference of relevant) {
    const recordEnd = conference.record.endTime ? Date.parse(conference.record.endTime) : undefined;
    for (const { participant, sessions } of conference.participants) {
      const id = participant.identity;
      const key = id.kind === 'signedin' ? id.user : `${id.kind}:${nameTokens(id.displayName).join(' ')}`;
      // A session still open in an ended conference ended with it; in a running one it lasts until now.
      const kept = sessions
        .map((s) => ({ start: Date.parse(s.startTime), end: s.endTime ? Date.parse(s.endTime) : undefined }))
        .filter((s) => overlaps(s.start, s.end ?? recordEnd ?? options.now));
      if (kept.length === 0) continue;
      let entry = people.get(key);
      if (!entry) {
        entry = {
          person: {
            displayName: id.displayName,
            kind: id.kind,
            ...classify(id, interview),
            sessions: [],
            firstJoin: '',
            lateMinutes: 0,
            presentMinutes: 0,
            inCallNow: false,
          },
          spans: [],
        };
        people.set(key, entry);
      }
      for (const s of kept) {
        const open = s.end === undefined && recordEnd === undefined;
        const end = s.end ?? recordEnd;
        entry.person.sessions.push({ start: iso(s.start), ...(end !== undefined ? { end: iso(end) } : {}) });
        entry.person.inCallNow ||= open;
        const start = Math.max(s.start, windowStart);
        const stop = Math.min(end ?? options.now, windowEnd);
        if (stop > start) entry.spans.push({ start, end: stop });
      }
    }
  }
  for (const { person, spans } of people.values()) {
    person.sessions.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    // When they really first joined (shown as is); lateness counts from it, and early is never late.
    const first = Date.parse(person.sessions[0]!.start);
    person.firstJoin = iso(first);
    person.lateMinutes = lateness(first, scheduledStart);
    person.presentMinutes = Math.round(total(mergeSpans(spans)) / minute);
  }
  return { relevant, people: [...people.values()], scheduledStart, windowStart, windowEnd };
}

/**
 * Whether the attendance can no longer change: after the scheduled end, once Meet says every call of
 * the interview ended (a call that ended before the end may be joined again); with no call at all,
 * only once the window's margin has passed (someone may still come late).
 */
function isFinal(relevant: ConferenceAttendance[], scheduledEnd: number, windowEnd: number, now: number): boolean {
  if (!relevant.every((c) => c.record.endTime)) return false;
  return relevant.length > 0 ? now >= scheduledEnd : now >= windowEnd;
}

/** Attendance of one interview from its meeting code's conferences (any number, any order). */
export function analyseAttendance(
  interview: InterviewForAttendance,
  conferences: ConferenceAttendance[],
  options: AttendanceOptions,
): AttendanceReport {
  const { relevant, people, scheduledStart, windowEnd } = gather(interview, conferences, options);
  const side = (which: AttendanceSide) => people.filter((p) => p.person.side === which);
  const interviewers = side('interviewer');
  const candidates = side('candidate');
  // Someone not identified, or named like the interviewer side without proof: no no-show is declared.
  const unmatched = side('unmatched').length + side('unconfirmed').length > 0;
  const interviewerSpans = mergeSpans(interviewers.flatMap((p) => p.spans));
  const candidateSpans = mergeSpans(candidates.flatMap((p) => p.spans));
  const both = intersectSpans(interviewerSpans, candidateSpans);

  const report: AttendanceReport = {
    records: relevant.map((c) => c.record.name),
    people: people.map((p) => p.person).sort((a, b) => Date.parse(a.firstJoin) - Date.parse(b.firstJoin)),
    outcome:
      interviewers.length && candidates.length
        ? 'completed'
        : unmatched
          ? 'unconfirmed'
          : interviewers.length
            ? 'candidate_no_show'
            : candidates.length
              ? 'interviewer_no_show'
              : 'neither',
    final: isFinal(relevant, Date.parse(interview.scheduledEnd), windowEnd, options.now),
  };
  // Each side joined when its first person really did (not where the counting window begins).
  const firstJoin = (list: typeof people) =>
    list.length ? Math.min(...list.map((p) => Date.parse(p.person.firstJoin))) : undefined;
  const interviewerJoined = firstJoin(interviewers);
  const candidateJoined = firstJoin(candidates);
  if (interviewerJoined !== undefined) {
    report.interviewerJoinedAt = iso(interviewerJoined);
    report.interviewerLateMinutes = lateness(interviewerJoined, scheduledStart);
  }
  if (candidateJoined !== undefined) {
    report.candidateJoinedAt = iso(candidateJoined);
    report.candidateLateMinutes = lateness(candidateJoined, scheduledStart);
  }
  if (both.length) {
    const start = both[0]!.start;
    const end = both.at(-1)!.end;
    report.together = { start: iso(start), end: iso(end), minutes: Math.round((end - start) / minute) };
  }
  return report;
}

/** "Ada Lovelace joined 2 minutes ago and is waiting": who, since when, and whether they were identified as the candidate. */
export interface WaitingCandidate {
  displayName: string;
  /** When their current stay in the call began. */
  since: string;
  /** False when the person waiting could not be matched to the candidate (shown as "Someone"). */
  identified: boolean;
}

/**
 * During a running conference of the interview, inside its window: the candidate side (or a guest
 * not identified or not confirmed) is in the call and nobody proven to be the interviewer side is.
 * Null otherwise.
 */
export function candidateWaiting(
  interview: InterviewForAttendance,
  conferences: ConferenceAttendance[],
  options: AttendanceOptions,
): WaitingCandidate | null {
  const running = conferences.filter((c) => !c.record.endTime);
  const { people, windowStart, windowEnd } = gather(interview, running, options);
  if (options.now < windowStart || options.now > windowEnd) return null;
  const present = people.filter((p) => p.person.inCallNow);
  if (present.some((p) => p.person.side === 'interviewer')) return null;
  const waiting = present.filter((p) => p.person.side === 'candidate');
  const pool = waiting.length
    ? waiting
    : present.filter((p) => p.person.side === 'unmatched' || p.person.side === 'unconfirmed');
  if (!pool.length) return null;
  const since = (p: Gathered) => Math.min(...p.person.sessions.filter((s) => !s.end).map((s) => Date.parse(s.start)));
  const first = pool.sort((a, b) => since(a) - since(b))[0]!;
  return { displayName: first.person.displayName, since: iso(since(first)), identified: waiting.length > 0 };
}
