/**
 * The scorecards owed for the interviews of a period that have ended: for each such interview
 * scheduled here, the recruiter's (their row written in the app) and each panelist's (their form
 * response, by email), with the first submission's time. Two reads: the people of each interview
 * (one JSON extract per row), and the period's submissions. Cancelled interviews owe nothing; Meet
 * attendance takes out the recruiter's when they did not attend (the rule "Scorecard due" follows)
 * and a panelist's when the panel forms would not ask them (their rule, imported).
 */
import type { Database } from '../database/database';
import { readableOnly } from '../database/unreadable-interviews';
import { attendedFromReport, type AttendeeName } from '../panel-forms/request-plan';
import { recruiterAbsent, type AttendanceOutcomeOf } from '../../preload/shared/rules/recruiter-absent';
import type { OwedScorecard } from './scorecard-figures';

/** What Meet attendance says of one interview, as far as owing a scorecard goes. */
export type OwedAttendance = AttendanceOutcomeOf & { final: boolean; people: AttendeeName[] };

type Person = { name?: unknown; email?: unknown };
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Owed scorecards of the scheduled interviews starting in [startMs, endMs] (inclusive) that ended by
 * `now`; `attendanceOf` answers Meet's report of an interview, or undefined when it was not read.
 */
export function owedScorecards(
  db: Database,
  startMs: number,
  endMs: number,
  now: number,
  attendanceOf: (interviewId: string) => OwedAttendance | undefined = () => undefined,
): OwedScorecard[] {
  // Only an interview that has ended owes one, and it started before it ended: the reads stop at `now`,
  // so a period reaching into the future scans only its past.
  const until = Math.min(endMs, now);
  const interviews = db
    .prepare(
      `SELECT id, end_ms, json_extract(record, '$.recruiter', '$.coInterviewers') AS people FROM interviews
       WHERE start_ms BETWEEN :start AND :end AND status = 'scheduled' AND origin = 'recruiter' AND end_ms <= :now
         AND ${readableOnly()}
       ORDER BY start_ms, id`,
    )
    .all({ start: startMs, end: until, now }) as Array<{ id: string; end_ms: number; people: string }>;
  // The recruiter's own is the app's row (whatever address it was written under); a panelist's is by email.
  const submitted = new Map<string, number>();
  const rows = db
    .prepare(
      `SELECT s.interview_id AS id, s.source, s.author_email AS email, s.submitted_ms AS ms
       FROM scorecards s JOIN interviews i ON i.id = s.interview_id
       WHERE i.start_ms BETWEEN :start AND :end AND s.submitted_ms IS NOT NULL`,
    )
    .all({ start: startMs, end: until }) as Array<{ id: string; source: string; email: string; ms: number }>;
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
    const report = attendanceOf(row.id);
    if (!recruiterAbsent(report)) add(recruiter, `${row.id} app`);
    for (const person of Array.isArray(panel) ? panel : [])
      if (attendedFromReport({ name: text(person?.name) }, report) !== 'no')
        add(person, `${row.id} ${text(person?.email).toLowerCase()}`);
  }
  return owed;
}
