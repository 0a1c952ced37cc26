import { DateTime } from 'luxon';
import type { AnalyticsReport, Interview } from '../../preload/shared/contract/interview-schema';
import { hasEnded } from '../../preload/shared/rules/interview-timing';
import type { OwedAttendance } from './scorecard-sql';

export interface AnalyticsQuery {
  from: string;
  to: string;
  timeZone: string;
}

/**
 * What the app knows about one interview: the recruiter joined from the app, or no join was recorded
 * (they may have joined from Google Calendar: not a no-show), cancelled, or still upcoming.
 */
export type Outcome = 'joined_in_app' | 'no_join_recorded' | 'cancelled' | 'upcoming';

/** The words for each outcome, on screen and in the CSV. */
export const outcomeLabels: Record<Outcome, string> = {
  joined_in_app: 'You joined from the app',
  no_join_recorded: 'No join from the app',
  cancelled: 'Cancelled',
  upcoming: 'Upcoming',
};

/**
 * Classifies one interview at `now`: nothing is settled before its scheduled end (a Join pressed
 * early is not a result yet), and from its end it is past, though joining may stay open a while.
 */
export function outcomeOf(interview: Interview, now: number): Outcome {
  if (interview.status === 'cancelled') return 'cancelled';
  if (!hasEnded(interview, now)) return 'upcoming';
  return interview.joins.length > 0 ? 'joined_in_app' : 'no_join_recorded';
}

/**
 * Minutes actually spent in the call: the union of join→leave intervals recorded by the app's Meet
 * window (overlapping windows counted once). Null when no interval has a leave time (e.g. joined in
 * the browser, where the app cannot see the leave).
 */
export function actualMinutes(interview: Pick<Interview, 'joins'>): number | null {
  const intervals = interview.joins
    .filter((j) => j.leftAt)
    .map((j) => [Date.parse(j.joinedAt), Date.parse(j.leftAt!)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  if (intervals.length === 0) return null;
  let total = 0;
  let [curStart, curEnd] = intervals[0]!;
  for (const [a, b] of intervals.slice(1)) {
    if (a <= curEnd) curEnd = Math.max(curEnd, b);
    else {
      total += curEnd - curStart;
      [curStart, curEnd] = [a, b];
    }
  }
  total += curEnd - curStart;
  return total / 60_000;
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The first and last instant (ms, inclusive) of the days `from`..`to` in the zone. */
export function periodBounds(query: AnalyticsQuery): { start: number; end: number } {
  return {
    start: DateTime.fromISO(query.from, { zone: query.timeZone }).startOf('day').toMillis(),
    end: DateTime.fromISO(query.to, { zone: query.timeZone }).endOf('day').toMillis(),
  };
}

/** Every week of the period (its Monday in the zone, and that Monday's first instant), so the chart has no holes. */
export function periodWeeks(query: AnalyticsQuery, limit = 600): { weekStart: string; startMs: number }[] {
  const weeks: { weekStart: string; startMs: number }[] = [];
  let cursor = DateTime.fromISO(query.from, { zone: query.timeZone }).startOf('week');
  const last = DateTime.fromISO(query.to, { zone: query.timeZone }).startOf('week');
  while (cursor <= last && weeks.length < limit) {
    weeks.push({ weekStart: cursor.toISODate()!, startMs: cursor.toMillis() });
    cursor = cursor.plus({ weeks: 1 });
  }
  return weeks;
}

/** The report from its tallies: totals by outcome, weeks, jobs in first-seen order, and the minutes in the app window. */
export function reportFrom(
  counts: Record<Outcome, number>,
  weeks: Map<string, { count: number; joinedInApp: number }>,
  jobs: Map<string, { scheduled: number; joinedInApp: number; noJoinRecorded: number; cancelled: number }>,
  durations: number[],
): AnalyticsReport {
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    scheduled: counts.joined_in_app + counts.no_join_recorded + counts.upcoming,
    joinedInApp: counts.joined_in_app,
    noJoinRecorded: counts.no_join_recorded,
    cancelled: counts.cancelled,
    upcoming: counts.upcoming,
    averageMinutes: round(durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null),
    medianMinutes: round(median(durations)),
    perWeek: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, v]) => ({ weekStart, ...v })),
    byJobTitle: [...jobs.entries()]
      .sort((a, b) => b[1].scheduled + b[1].cancelled - (a[1].scheduled + a[1].cancelled))
      .map(([jobTitle, v]) => ({ jobTitle, ...v })),
  };
}

/** The interviews whose start falls on the days `from`..`to` (inclusive) in the zone. */
export function inPeriod(interviews: Interview[], query: AnalyticsQuery): Interview[] {
  const { start, end } = periodBounds(query);
  return interviews.filter((i) => {
    const t = Date.parse(i.startUtc);
    return t >= start && t <= end;
  });
}

/**
 * Meet's attendance of some interviews, each read and analysed once (one per report or export): the
 * attendance figures, the CSV's attendance cells and the owed scorecards all read this one copy.
 */
export interface MeetAttendance {
  /** Meet's report of one interview as the room shows it (what "Scorecard due" reads); undefined when none was read. */
  report: (interviewId: string) => OwedAttendance | undefined;
  /** The figures for `ended`: at least every ended interview with Meet data; `endedCount` is how many ended in all. */
  figures: (endedCount: number, ended: Interview[]) => NonNullable<AnalyticsReport['attendance']>;
  /** One interview's cells under `AnalyticsAttachments.csvHeader`; `ended` false leaves them empty. */
  csvCells: (interview: Interview, ended: boolean) => Array<string | number>;
}

/** Figures computed elsewhere and attached to the report: attendance from Google Meet and its CSV columns. */
export interface AnalyticsAttachments {
  /** Meet's attendance of these interviews; only those Meet was read for (`readBetween`) can have any. */
  attendanceOf?: (interviews: Interview[]) => MeetAttendance;
  /** The ids of the interviews starting in [fromMs, toMs) that Meet was read for: the only ones the figures need loaded. */
  readBetween?: (fromMs: number, toMs: number) => string[];
  /** The header of the CSV's attendance columns. */
  csvHeader?: string[];
}

/** Extra CSV columns: their header, and one interview's cells (`ended`: its result is settled). */
export interface CsvColumns {
  header: string[];
  cells: (interview: Interview, ended: boolean) => Array<string | number>;
}

/** Whether an outcome is a finished interview (attended or not): the ones attendance speaks about. */
const isEnded = (outcome: Outcome) => outcome === 'joined_in_app' || outcome === 'no_join_recorded';

/**
 * The report with the attendance figures of the period's ended interviews attached (when attendance
 * is given). `periodInterviews` need only be those Meet was read for: the report counts the rest.
 */
export function withAttendance(
  report: AnalyticsReport,
  periodInterviews: Interview[],
  now: number,
  attendance: MeetAttendance | undefined,
): AnalyticsReport {
  if (!attendance) return report;
  return {
    ...report,
    attendance: attendance.figures(
      report.joinedInApp + report.noJoinRecorded,
      periodInterviews.filter((i) => isEnded(outcomeOf(i, now))),
    ),
  };
}

/** The analytics screen's figures, all computed from stored interviews and their join history. */
export function computeAnalytics(
  interviews: Interview[],
  query: AnalyticsQuery,
  now: number,
  attach: AnalyticsAttachments = {},
): AnalyticsReport {
  const chosen = inPeriod(interviews, query);
  const counts: Record<Outcome, number> = { joined_in_app: 0, no_join_recorded: 0, cancelled: 0, upcoming: 0 };
  const durations: number[] = [];
  const weeks = new Map(periodWeeks(query).map((w) => [w.weekStart, { count: 0, joinedInApp: 0 }]));
  const jobs = new Map<string, { scheduled: number; joinedInApp: number; noJoinRecorded: number; cancelled: number }>();
  for (const interview of chosen) {
    const outcome = outcomeOf(interview, now);
    counts[outcome]++;
    const job = jobs.get(interview.jobTitle) ?? { scheduled: 0, joinedInApp: 0, noJoinRecorded: 0, cancelled: 0 };
    if (outcome === 'cancelled') job.cancelled++;
    else {
      job.scheduled++;
      const week = DateTime.fromISO(interview.startUtc, { zone: query.timeZone }).startOf('week').toISODate()!;
      const bucket = weeks.get(week) ?? { count: 0, joinedInApp: 0 };
      bucket.count++;
      if (outcome === 'joined_in_app') bucket.joinedInApp++;
      weeks.set(week, bucket);
    }
    if (outcome === 'joined_in_app') {
      job.joinedInApp++;
      const minutes = actualMinutes(interview);
      if (minutes !== null) durations.push(minutes);
    }
    if (outcome === 'no_join_recorded') job.noJoinRecorded++;
    jobs.set(interview.jobTitle, job);
  }
  return withAttendance(reportFrom(counts, weeks, jobs, durations), chosen, now, attach.attendanceOf?.(chosen));
}

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised (spreadsheet formula injection). */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The period's interviews as CSV, one row each, with their real join times (and `columns` after them). */
export function analyticsCsv(
  interviews: Interview[],
  query: AnalyticsQuery,
  now: number,
  columns?: CsvColumns,
): string {
  const header = [
    'Interview ID',
    'Candidate',
    'Candidate email',
    'Job title',
    'Start',
    'Planned minutes',
    'Join recorded by the app',
    'First join in the app',
    'Last leave of the app window',
    'Minutes in the app window',
    ...(columns?.header ?? []),
  ];
  const local = (iso: string | undefined) =>
    iso ? DateTime.fromISO(iso, { zone: query.timeZone }).toFormat("yyyy-MM-dd'T'HH:mmZZ") : '';
  const rows = inPeriod(interviews, query)
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc))
    .map((i) => {
      const leaves = i.joins
        .map((j) => j.leftAt)
        .filter((x): x is string => !!x)
        .sort();
      const minutes = actualMinutes(i);
      const outcome = outcomeOf(i, now);
      const extra = columns?.cells(i, isEnded(outcome)) ?? [];
      return [
        i.id,
        i.candidate.name,
        i.candidate.email,
        i.jobTitle,
        local(i.startUtc),
        i.durationMinutes,
        outcomeLabels[outcome],
        local(i.joins[0]?.joinedAt),
        local(leaves.at(-1)),
        minutes === null ? '' : Math.round(minutes),
        ...extra,
      ];
    });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
