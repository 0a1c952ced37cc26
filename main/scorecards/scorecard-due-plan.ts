/**
 * When "Scorecard due" is shown, as a pure decision: one hour after the interview's scheduled end
 * (Greenhouse's first reminder), then once a day for up to 5 days after that one, only while the
 * recruiter's scorecard is not submitted. Never for a cancelled interview, a candidate's saved copy,
 * or one Meet attendance says the recruiter did not attend. Each moment is recorded once ("never
 * twice"); after a long sleep only the latest due moment is shown, the older ones are recorded as handled,
 * and a moment already past when the interview was created or moved (a past event read from Google
 * Calendar) is never shown.
 */
import { recruiterAbsent, type AttendanceOutcomeOf } from '../../preload/shared/rules/recruiter-absent';

const hour = 3_600_000;
const day = 24 * hour;

/** The first notice comes this long after the scheduled end. */
export const firstDueAfterEndMs = hour;
/** Then one a day, this many times. */
export const dailyDueCount = 5;
/** The last notice is still worth showing for this long; after that the interview is left alone. */
export const lastDueGraceMs = day;

/** What the plan reads of an interview. */
export interface ScorecardDueSubject {
  interviewId: string;
  /** The scheduled end, as stored (the moments' keys carry it, so a moved interview gets new ones). */
  endUtc: string;
  status: 'scheduled' | 'cancelled';
  origin: string;
  /** The recruiter's scorecard is submitted. */
  submitted: boolean;
  /** When the interview was created or last moved (ms): a moment already past then is never shown. */
  armedAt: number;
  /** Moments already recorded (their keys). */
  marks: ReadonlySet<string>;
}

/** One notice moment of one interview. */
export interface ScorecardDueMoment {
  interviewId: string;
  key: string;
  dueAt: number;
}

/** The key a moment is recorded under: the nth notice for this end time. */
export function scorecardDueKey(n: number, endUtc: string): string {
  return `scorecard:${n}@${endUtc}`;
}

/** Every notice moment of an interview ending at `endUtc`: the first and the daily ones. */
export function scorecardDueMoments(interviewId: string, endUtc: string): ScorecardDueMoment[] {
  const first = Date.parse(endUtc) + firstDueAfterEndMs;
  return Array.from({ length: dailyDueCount + 1 }, (_, n) => ({
    interviewId,
    key: scorecardDueKey(n, endUtc),
    dueAt: first + n * day,
  }));
}

/** What Meet attendance says of the recruiter now: `unknown` while no current report exists. */
export type RecruiterSeen = 'absent' | 'present' | 'unknown';

/** What a current Meet report says of the recruiter (none: unknown). */
export function recruiterSeenIn(report: AttendanceOutcomeOf | undefined): RecruiterSeen {
  if (!report) return 'unknown';
  return recruiterAbsent(report) ? 'absent' : 'present';
}

/**
 * The key under which the last word of Meet attendance on the recruiter is recorded (one at a time,
 * apart from the moments' marks): it outlives the report, which retention may purge or a re-read may
 * leave stale, so a moment skipped for absence is not shown once the report is gone.
 */
export function recruiterSeenKey(seen: Exclude<RecruiterSeen, 'unknown'>, endUtc: string): string {
  return `scorecard:${seen}@${endUtc}`;
}

/** The last word recorded on the recruiter for this end time (`unknown`: none). */
export function recordedSeen(subject: ScorecardDueSubject): RecruiterSeen {
  if (subject.marks.has(recruiterSeenKey('absent', subject.endUtc))) return 'absent';
  return subject.marks.has(recruiterSeenKey('present', subject.endUtc)) ? 'present' : 'unknown';
}

/**
 * Whether attendance lets "Scorecard due" stand: a current report that finds the recruiter does, one
 * that says they stayed away does not. With no current report (none read yet, purged by retention,
 * read for an earlier time or link) the last word recorded holds; with none, it comes as usual.
 */
export function attendanceAllows(subject: ScorecardDueSubject, seen: RecruiterSeen): boolean {
  return (seen === 'unknown' ? recordedSeen(subject) : seen) !== 'absent';
}

/** When the last notice of an interview ending at `endUtc` comes (its grace follows). */
function lastDueAt(endUtc: string): number {
  return Date.parse(endUtc) + firstDueAfterEndMs + dailyDueCount * day;
}

/** Whether an interview gets notices at all (attendance is asked separately: it costs a read). */
export function wantsScorecard(subject: ScorecardDueSubject): boolean {
  return subject.status === 'scheduled' && subject.origin === 'recruiter' && !subject.submitted;
}

/**
 * What to do at `now`: `fire` the latest due moment of each interview still wanting a scorecard
 * (unless the last one is older than its grace), `drop` the others that are due (recorded, never
 * shown), and `nextAt`, the earliest future moment.
 */
export function scorecardDueDecisions(subjects: ScorecardDueSubject[], now: number) {
  const fire: ScorecardDueMoment[] = [];
  const drop: ScorecardDueMoment[] = [];
  let nextAt: number | undefined;
  for (const subject of subjects) {
    if (!wantsScorecard(subject)) continue;
    const moments = scorecardDueMoments(subject.interviewId, subject.endUtc).filter((m) => !subject.marks.has(m.key));
    const due = moments.filter((m) => m.dueAt <= now);
    const latest = due.filter((m) => m.dueAt > subject.armedAt).at(-1);
    const last = lastDueAt(subject.endUtc);
    const stale = latest !== undefined && latest.dueAt === last && now >= last + lastDueGraceMs;
    if (latest && !stale) fire.push(latest);
    drop.push(...due.filter((m) => m !== latest || stale));
    const upcoming = moments.find((m) => m.dueAt > now);
    if (upcoming && (nextAt === undefined || upcoming.dueAt < nextAt)) nextAt = upcoming.dueAt;
  }
  return { fire, drop, nextAt };
}

/**
 * Whether "Scorecard due" stands at `now`, whatever was already shown: a window opened (or reloaded)
 * after a notice shows what the notices said. It stands from the first moment that came after the
 * interview was armed until the last notice's grace is over, while the scorecard is still wanted;
 * the recorded marks are not read (they only say a notice was told).
 */
export function scorecardDueNow(subject: ScorecardDueSubject, now: number): boolean {
  if (!wantsScorecard(subject)) return false;
  const told = scorecardDueMoments(subject.interviewId, subject.endUtc).some(
    (m) => m.dueAt <= now && m.dueAt > subject.armedAt,
  );
  return told && now < lastDueAt(subject.endUtc) + lastDueGraceMs;
}
