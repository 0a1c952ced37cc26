/**
 * The scorecards owed for the interviews of a period that have ended: for each such interview
 * scheduled here, the recruiter's (their row written in the app) and each panelist's (their form
 * response, by email), with the first submission's time. Two reads: the people of each interview
 * (one JSON extract per row), and the period's submissions.
 */
import type { Database } from '../database/database';
import { readableOnly } from '../database/unreadable-interviews';
import type { OwedScorecard } from './scorecard-figures';

type Person = { name?: unknown; email?: unknown };
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Owed scorecards of the scheduled interviews starting in [startMs, endMs] (inclusive) that ended by `now`. */
export function owedScorecards(db: Database, startMs: number, endMs: number, now: number): OwedScorecard[] {
  const interviews = db
    .prepare(
      `SELECT id, end_ms, json_extract(record, '$.recruiter', '$.coInterviewers') AS people FROM interviews
       WHERE start_ms BETWEEN :start AND :end AND status = 'scheduled' AND origin = 'recruiter' AND end_ms <= :now
         AND ${readableOnly()}
       ORDER BY start_ms, id`,
    )
    .all({ start: startMs, end: endMs, now }) as Array<{ id: string; end_ms: number; people: string }>;
  // The recruiter's own is the app's row (whatever address it was written under); a panelist's is by email.
  const submitted = new Map<string, number>();
  const rows = db
    .prepare(
      `SELECT s.interview_id AS id, s.source, s.author_email AS email, s.submitted_ms AS ms
       FROM scorecards s JOIN interviews i ON i.id = s.interview_id
       WHERE i.start_ms BETWEEN :start AND :end AND s.submitted_ms IS NOT NULL`,
    )
    .all({ start: startMs, end: endMs }) as Array<{ id: string; source: string; email: string; ms: number }>;
  for (const s of rows) submitted.set(s.source === 'app' ? `${s.id} app` : `${s.id} ${s.email}`, Number(s.ms));

  const owed: OwedScorecard[] = [];
  for (const row of interviews) {
    const [recruiter, panel] = JSON.parse(row.people) as [Person | null, Person[] | null];
    const add = (person: Person | null | undefined, key: string) => {
      const email = text(person?.email);
      const at = submitted.get(key);
      owed.push({
        interviewId: row.id,
        endMs: Number(row.end_ms),
        name: text(person?.name) || email,
        email,
        ...(at === undefined ? {} : { submittedMs: at }),
      });
    };
    add(recruiter, `${row.id} app`);
    for (const person of Array.isArray(panel) ? panel : [])
      add(person, `${row.id} ${text(person?.email).toLowerCase()}`);
  }
  return owed;
}
