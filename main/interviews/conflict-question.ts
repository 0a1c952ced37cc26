import { DateTime } from 'luxon';
import type { Conflict } from '../../preload/shared/contract/interview-schema';
import { mergeSpans, subtractSpans } from '../../preload/shared/rules/time-spans';
import type { CalendarFindings, UnknownWhy } from './calendar-findings';
import { formatInstant, type TimeStyle } from '../../preload/shared/rules/time-format';

/** How the question ends, per action: the answer "yes" is the form's "… anyway" button. */
export type ConflictAsk = 'Schedule anyway?' | 'Move anyway?' | 'Save the panel anyway?';

const because: Record<UnknownWhy, string> = {
  not_allowed: 'Interview Desk is not allowed to see free/busy yet (“Allow free/busy” under Find a time)',
  reconnect: 'Google access has expired (reconnect your Google account)',
  not_shared: 'their calendar is not shared with you',
  no_answer: 'it did not answer in time',
};

/** "you", "you and Bob Panel", "you, Bob Panel and Carol". */
function names(list: string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/**
 * The recruiter's Google busy time without the app's overlapping interviews: those are Calendar
 * events too, and are already named as interviews.
 */
function withoutInterviews(calendars: CalendarFindings, conflicts: Conflict[]): CalendarFindings['busy'] {
  const interviews = mergeSpans(
    conflicts.map((c) => ({ start: Date.parse(c.startUtc), end: Date.parse(c.startUtc) + c.durationMinutes * 60_000 })),
  );
  return calendars.busy.flatMap((b) =>
    b.who !== 'recruiter'
      ? [b]
      : subtractSpans([{ start: Date.parse(b.start), end: Date.parse(b.end) }], interviews).map((s) => ({
          ...b,
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
        })),
  );
}

/**
 * The question asked before saving over someone's time, or undefined when nothing is in the way:
 * the app's overlapping interviews, then who is busy in Google Calendar and when (on the
 * interview's clock, `zone`), then whose time Google could not tell and why.
 */
export function conflictQuestion(
  conflicts: Conflict[],
  calendars: CalendarFindings,
  zone: string,
  startUtc: string,
  ask: ConflictAsk,
  style: TimeStyle,
): string | undefined {
  const busy = withoutInterviews(calendars, conflicts);
  if (conflicts.length === 0 && busy.length === 0 && calendars.unknown.length === 0) return undefined;
  const day = DateTime.fromISO(startUtc, { zone }).toISODate();
  const at = (iso: string) =>
    formatInstant(iso, zone, style, { date: DateTime.fromISO(iso, { zone }).toISODate() === day ? 'none' : 'weekday' });
  const sentences: string[] = [];
  const first = conflicts[0];
  if (first)
    sentences.push(
      `This overlaps ${conflicts.length === 1 ? 'another interview' : `${conflicts.length} other interviews`}: ${first.candidateName} (${first.jobTitle}).`,
    );
  for (const who of [...new Set(busy.map((b) => b.who))]) {
    const blocks = busy.filter((b) => b.who === who);
    const spans = names(blocks.map((b) => `${at(b.start)}–${at(b.end)}`));
    sentences.push(
      who === 'recruiter' ? `You are busy ${spans} in Google Calendar.` : `${blocks[0]!.name} is busy ${spans}.`,
    );
  }
  for (const why of Object.keys(because) as UnknownWhy[]) {
    const people = calendars.unknown.filter((u) => u.why === why).map((u) => (u.who === 'recruiter' ? 'you' : u.name));
    if (people.length === 0) continue;
    const verb = people.length === 1 && people[0] !== 'you' ? 'is' : 'are';
    sentences.push(`Google could not tell whether ${names(people)} ${verb} free then: ${because[why]}.`);
  }
  sentences.push(ask);
  return sentences.join(' ');
}
