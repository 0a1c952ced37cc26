import type {
  Conflict,
  Interview,
  InterviewSummary,
  ScheduleFields,
} from '../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import type { Clock } from '../platform/clock';
import type { ScheduleRow, SpokenLine } from '../../preload/shared/contract/ipc-contract';
import { interviewSearchText, type InterviewRepository, type ScheduleWindow } from '../database/interview-repository';
import { searchText } from '../database/search-text';
import { findConflicts, startInstant, summarize } from './interview-rules';

/** The preview the form shows while typing: the instant, the candidate's local time and conflicts. */
export interface SchedulePreview {
  startUtc: string;
  endUtc: string;
  conflicts: Conflict[];
}

/** Every way to read interviews; nothing here changes one (see interview-commands.ts). */
export interface InterviewQueries {
  list(): InterviewSummary[];
  /** Rows `offset`… of a schedule section, at most `limit`. */
  page(window: ScheduleWindow, offset: number, limit: number): ScheduleRow[];
  /** How many interviews a schedule section holds. */
  count(window: ScheduleWindow): number;
  /** The rows of these interviews that still exist and match `query`. */
  byIds(ids: string[], query: string): ScheduleRow[];
  /** The next scheduled interview that has not ended now. */
  next(): InterviewSummary | null;
  /** Every stored interview, whole. */
  listFull(): Interview[];
  /** The interview with this id; "no longer exists" in the screen's words when there is none. */
  get(id: string): Interview;
  /** The interview with this id, if there is one (no error for an unknown id). */
  find(id: string): Interview | undefined;
  /** The interview whose Calendar event this is, if any (an indexed lookup). */
  byGoogleEventId(eventId: string): Interview | undefined;
  /** What the tray shows: the next interview that has not ended and today's, from two indexed queries. */
  forTray(nowMs: number, dayStartMs: number, dayEndMs: number): Interview[];
  /** Whole interviews starting in [fromMs, toMs), by start time. */
  startingBetween(fromMs: number, toMs: number): Interview[];
  /** Scheduled interviews (other than `excludeId`) overlapping [fromMs, toMs). */
  overlapping(fromMs: number, toMs: number, excludeId?: string): Interview[];
  /** Whole interviews among `ids` that exist and match `query` ('' matches all). */
  matching(ids: string[], query: string): Interview[];
  /** The reminder facts of the interviews starting in [fromMs, toMs), read from columns. */
  timingsBetween: InterviewRepository['timingsBetween'];
  /** The earliest reminder moment after `nowMs` not yet handled, for these offsets. */
  nextReminderAt: InterviewRepository['nextReminderAt'];
  preview(
    input: Pick<ScheduleFields, 'date' | 'time' | 'timeZone' | 'durationMinutes' | 'occurrence'> & {
      excludeId?: string;
    },
  ): SchedulePreview;
}

/** The app's interviews that overlap a start and length: the conflicts a form or a save asks about. */
export function conflictsIn(
  repository: Pick<InterviewRepository, 'overlapping'>,
  startMs: number,
  durationMinutes: number,
  excludeId?: string,
): Conflict[] {
  return findConflicts(
    repository.overlapping(startMs, startMs + durationMinutes * 60_000, excludeId),
    startMs,
    durationMinutes,
    excludeId,
  );
}

/** For each of these interviews whose transcript holds the search, the line that does (see main/meet-artifacts). */
export type SpokenLines = (interviewIds: string[], query: string) => Map<string, SpokenLine>;

/**
 * The schedule's rows for a search: each interview's summary, and the line said in its transcript
 * where that is what the search found. A row found by name, email or job looks as it always has.
 */
function scheduleRows(interviews: Interview[], query: string, spokenLines: SpokenLines | undefined): ScheduleRow[] {
  const text = searchText(query);
  const bySpeech = text ? interviews.filter((i) => !interviewSearchText(i).includes(text)) : [];
  const lines =
    spokenLines && bySpeech.length > 0
      ? spokenLines(
          bySpeech.map((i) => i.id),
          query,
        )
      : undefined;
  return interviews.map((interview) => {
    const spoken = lines?.get(interview.id);
    return spoken ? { ...summarize(interview), spoken } : summarize(interview);
  });
}

/** Creates the read side over the repository; `spokenLines` gives the schedule's search its transcript lines. */
export function createInterviewQueries(deps: {
  repository: InterviewRepository;
  clock: Clock;
  spokenLines?: SpokenLines;
}): InterviewQueries {
  const { repository, clock, spokenLines } = deps;
  return {
    list: () => repository.all().map(summarize),
    page: (window, offset, limit) =>
      scheduleRows(repository.schedulePage(window, offset, limit), window.query, spokenLines),
    count: (window) => repository.scheduleCount(window),
    byIds: (ids, query) => scheduleRows(repository.matching(ids, query), query, spokenLines),
    next() {
      const found = repository.nextUnfinished(clock.now());
      return found ? summarize(found) : null;
    },
    listFull: () => repository.all(),
    get(id) {
      const found = repository.get(id);
      if (!found) throw new DeskFailure('not_found', 'That interview no longer exists.', 'id');
      return found;
    },
    find: (id) => repository.get(id),
    byGoogleEventId: (eventId) => repository.byGoogleEventId(eventId),
    forTray(nowMs, dayStartMs, dayEndMs) {
      const next = repository.nextUnfinished(nowMs);
      const today = repository.startingBetween(dayStartMs, dayEndMs);
      return next && !today.some((i) => i.id === next.id) ? [next, ...today] : today;
    },
    startingBetween: (fromMs, toMs) => repository.startingBetween(fromMs, toMs),
    overlapping: (fromMs, toMs, excludeId) => repository.overlapping(fromMs, toMs, excludeId),
    matching: (ids, query) => repository.matching(ids, query),
    timingsBetween: (fromMs, toMs) => repository.timingsBetween(fromMs, toMs),
    nextReminderAt: (offsets, candidateEmail, nowMs) => repository.nextReminderAt(offsets, candidateEmail, nowMs),
    preview(input) {
      const start = startInstant(input, clock.now());
      return {
        startUtc: start.toISO()!,
        endUtc: start.plus({ minutes: input.durationMinutes }).toISO()!,
        conflicts: conflictsIn(repository, start.toMillis(), input.durationMinutes, input.excludeId),
      };
    },
  };
}
