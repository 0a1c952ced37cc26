/**
 * When each co-interviewer is asked for their scorecard and reminded: one hour after the interview's
 * end, then daily, at most five reminders, none once their response is in. Who did not attend (by
 * Meet attendance) is not asked; when attendance is unknown, everyone is. Pure: no clock, no mail.
 */
import { namesMatch } from '../attendance/attendance-analysis';

/** The first ask goes out this long after the interview's scheduled end (Greenhouse's habit). */
export const askDelayMs = 60 * 60_000;
/** Reminders follow daily. */
export const reminderEveryMs = 24 * 60 * 60_000;
/** At most this many reminders. */
export const maxReminders = 5;
/** No first ask is started this long after the end: the series would remind about a week-old interview. */
export const askWindowMs = 6 * 24 * 60 * 60_000;

/** Whether a co-interviewer attended, as far as the app can tell. */
export type Attended = 'yes' | 'no' | 'unknown';

/** What the plan reads of one co-interviewer. */
export interface RecipientFacts {
  askedMs?: number;
  remindedMs?: number;
  reminders: number;
  receivedMs?: number;
  /** Set after a failed send: not tried again before this. */
  mailRetryMs?: number;
}

/** The next message owed to one person and when, or nothing. */
export type NextMail = { kind: 'ask'; dueMs: number } | { kind: 'reminder'; number: number; dueMs: number };

/** The next message to one co-interviewer, or undefined when none is owed (answered, skipped, reminded enough, too late). */
export function nextMail(endMs: number, person: RecipientFacts, attended: Attended): NextMail | undefined {
  if (person.receivedMs !== undefined) return undefined;
  const retry = person.mailRetryMs ?? 0;
  if (person.askedMs === undefined) {
    if (attended === 'no') return undefined;
    const dueMs = Math.max(endMs + askDelayMs, retry);
    return dueMs > endMs + askWindowMs ? undefined : { kind: 'ask', dueMs };
  }
  if (person.reminders >= maxReminders) return undefined;
  const last = person.remindedMs ?? person.askedMs;
  return { kind: 'reminder', number: person.reminders + 1, dueMs: Math.max(last + reminderEveryMs, retry) };
}

/** One person of Meet's attendance report, as the verdict reads it. */
export interface AttendeeName {
  displayName: string;
  /** `unmatched`: someone the report could not name (it may be this co-interviewer under another name). */
  side?: string;
}

/**
 * Whether a co-interviewer attended, from Meet attendance read in full (`final`): by display name,
 * the only thing Meet tells of someone else's account. Unknown without a final report, when the
 * co-interviewer has no name to match, or when someone unidentified joined.
 */
export function attendedFromReport(
  person: { name?: string },
  report: { final: boolean; people: AttendeeName[] } | undefined,
): Attended {
  if (!report?.final || !person.name?.trim()) return 'unknown';
  if (report.people.some((p) => namesMatch(p.displayName, person.name!))) return 'yes';
  // Someone unidentified was there: it may have been them, so they are asked all the same.
  return report.people.some((p) => p.side === 'unmatched') ? 'unknown' : 'no';
}
