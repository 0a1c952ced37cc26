/**
 * The scorecards owed for the interviews of a period that have ended, read in one query: for each
 * such interview scheduled here, the recruiter's (their row written in the app) and each panelist's
 * (their form response, by email), with the first submission's time.
 */
import type { Database } from '../database/database';
import { readableOnly } from '../database/unreadable-interviews';
import type { OwedScorecard } from './scorecard-figures';

/** Owed scorecards of the scheduled interviews starting in [startMs, endMs] (inclusive) that ended by `now`. */
export function owedScorecards(db: Database, startMs: number, endMs: number, now: number): OwedScorecard[] {
  const rows = db
    .prepare(
      `WITH ended AS (
         SELECT id, end_ms, record, start_ms FROM interviews
         WHERE start_ms BETWEEN :start AND :end AND status = 'scheduled' AND origin = 'recruiter'
           AND end_ms <= :now AND ${readableOnly()}
       )
       SELECT e.id, e.end_ms, e.record ->> '$.recruiter.name' AS name, e.record ->> '$.recruiter.email' AS email,
         (SELECT s.submitted_ms FROM scorecards s
          WHERE s.interview_id = e.id AND s.source = 'app' AND s.submitted_ms IS NOT NULL) AS submitted_ms,
         e.start_ms, -1 AS seat
       FROM ended e
       UNION ALL
       SELECT e.id, e.end_ms, coalesce(nullif(c.value ->> '$.name', ''), c.value ->> '$.email'), c.value ->> '$.email',
         (SELECT s.submitted_ms FROM scorecards s
          WHERE s.interview_id = e.id AND s.source <> 'app' AND s.author_email = lower(c.value ->> '$.email')
            AND s.submitted_ms IS NOT NULL),
         e.start_ms, c.key
       FROM ended e, json_each(e.record, '$.coInterviewers') c
       ORDER BY 6, 1, 7`,
    )
    .all({ start: startMs, end: endMs, now }) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    interviewId: String(r.id),
    endMs: Number(r.end_ms),
    name: String(r.name ?? ''),
    email: String(r.email ?? ''),
    ...(r.submitted_ms === null || r.submitted_ms === undefined ? {} : { submittedMs: Number(r.submitted_ms) }),
  }));
}
