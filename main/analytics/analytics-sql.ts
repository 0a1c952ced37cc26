import type { AnalyticsReport, JoinRecord } from '../../preload/shared/contract/interview-schema';
import type { Database } from '../database/database';
import { readableOnly } from '../database/unreadable-interviews';
import { actualMinutes, periodBounds, periodWeeks, reportFrom, type AnalyticsQuery, type Outcome } from './analytics';

type Row = Record<string, unknown>;

// `outcomeOf` in SQL: cancelled; upcoming until the scheduled end; from the end past: joined in
// the app if a join was recorded, else no join recorded.
const outcome = `CASE WHEN i.status = 'cancelled' THEN 'cancelled'
  WHEN :now < i.end_ms THEN 'upcoming'
  WHEN EXISTS (SELECT 1 FROM joins j WHERE j.interview_id = i.id) THEN 'joined_in_app'
  ELSE 'no_join_recorded' END`;

/**
 * The analytics report aggregated in the database: one grouped query over the period's weeks (each
 * week a range on the start-time index), one over the joins of the interviews joined in the app.
 * The figures are exactly `computeAnalytics` over the same interviews.
 */
export function aggregateAnalytics(db: Database, query: AnalyticsQuery, now: number): AnalyticsReport {
  const { start, end } = periodBounds(query);
  // Week ranges cover the whole period (every week, past the chart's 600 too), clipped to it.
  const all = periodWeeks(query, Number.POSITIVE_INFINITY);
  const ranges = all.map((w, i) => ({
    key: w.weekStart,
    s: Math.max(w.startMs, start),
    e: Math.min((all[i + 1]?.startMs ?? end + 1) - 1, end),
  }));
  const groups = db
    .prepare(
      `SELECT w.value ->> '$.key' AS week, i.job_title AS job, ${outcome} AS outcome, count(*) AS n, min(printf('%020d|', i.start_ms) || i.id) AS first
       FROM json_each(:weeks) AS w CROSS JOIN interviews AS i
       WHERE i.start_ms BETWEEN w.value ->> '$.s' AND w.value ->> '$.e' AND ${readableOnly('i.')}
       GROUP BY week, job, outcome`,
    )
    .all({ weeks: JSON.stringify(ranges), now }) as Row[];
  const counts: Record<Outcome, number> = { joined_in_app: 0, no_join_recorded: 0, cancelled: 0, upcoming: 0 };
  const weeks = new Map(periodWeeks(query).map((w) => [w.weekStart, { count: 0, joinedInApp: 0 }]));
  const firstSeen = new Map<string, string>();
  const jobs = new Map<string, { scheduled: number; joinedInApp: number; noJoinRecorded: number; cancelled: number }>();
  for (const g of groups) {
    const seen = firstSeen.get(String(g.job));
    if (seen === undefined || String(g.first) < seen) firstSeen.set(String(g.job), String(g.first));
  }
  // Jobs in the order they first appear by start time, as the in-memory report meets them.
  for (const [job] of [...firstSeen].sort((a, b) => (a[1] < b[1] ? -1 : 1)))
    jobs.set(job, { scheduled: 0, joinedInApp: 0, noJoinRecorded: 0, cancelled: 0 });
  for (const g of groups) {
    const kind = g.outcome as Outcome;
    const n = Number(g.n);
    const job = jobs.get(String(g.job))!;
    counts[kind] += n;
    if (kind === 'cancelled') job.cancelled += n;
    else {
      job.scheduled += n;
      // Beyond the chart's 600 weeks a week still counts, as in the in-memory report.
      const week = weeks.get(String(g.week)) ?? { count: 0, joinedInApp: 0 };
      week.count += n;
      if (kind === 'joined_in_app') week.joinedInApp += n;
      weeks.set(String(g.week), week);
    }
    if (kind === 'joined_in_app') job.joinedInApp += n;
    if (kind === 'no_join_recorded') job.noJoinRecorded += n;
  }
  const joinRows = db
    .prepare(
      `SELECT j.interview_id AS id, j.joined_at, j.left_at, j.via FROM interviews i JOIN joins j ON j.interview_id = i.id
       WHERE i.start_ms BETWEEN :start AND :end AND i.status = 'scheduled' AND i.end_ms <= :now AND j.left_at IS NOT NULL AND ${readableOnly('i.')} ORDER BY i.start_ms, i.id, j.seq`,
    )
    .all({ start, end, now }) as Row[];
  const joins = new Map<string, JoinRecord[]>();
  for (const r of joinRows)
    joins.set(String(r.id), [
      ...(joins.get(String(r.id)) ?? []),
      { joinedAt: String(r.joined_at), leftAt: String(r.left_at), via: r.via as JoinRecord['via'] },
    ]);
  const durations = [...joins.values()]
    .map((list) => actualMinutes({ joins: list }))
    .filter((m): m is number => m !== null);
  return reportFrom(counts, weeks, jobs, durations);
}
