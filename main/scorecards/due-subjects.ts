/**
 * The interviews "Scorecard due" looks at, read in one indexed query by start time: their end, status,
 * origin, whether the recruiter's scorecard is submitted and which notices were recorded. Notices are
 * recorded in `reminder_marks` beside the interview's reminders (cleared with them when it moves).
 */
import type { Database } from '../database/database';
import { readableOnly } from '../database/unreadable-interviews';
import type { ScorecardDueSubject } from './scorecard-due-plan';

/** Reads and records what the due plan needs. */
export interface DueSubjects {
  /** Interviews starting in [fromMs, toMs], not cancelled. */
  between(fromMs: number, toMs: number): ScorecardDueSubject[];
  /** Records moments as handled (shown or dropped): never twice. */
  mark(moments: { interviewId: string; key: string }[], at: number): void;
  /** Records `key` in place of `replaced` (one word at a time, the latest). */
  replaceMark(interviewId: string, replaced: string, key: string, at: number): void;
}

/** Creates the reader over the app database. */
export function createDueSubjects(db: Database): DueSubjects {
  return {
    between(fromMs, toMs) {
      const rows = db
        .prepare(
          `SELECT i.id, i.status, i.origin, i.end_ms,
             coalesce(i.reminders_armed_at, i.record ->> '$.createdAt') AS armed_at,
             EXISTS (SELECT 1 FROM scorecards s WHERE s.interview_id = i.id AND s.source = 'app' AND s.state = 'submitted') AS submitted,
             (SELECT json_group_array(m.key) FROM reminder_marks m WHERE m.interview_id = i.id AND m.key LIKE 'scorecard:%') AS marks
           FROM interviews i
           WHERE i.status = 'scheduled' AND i.start_ms BETWEEN ? AND ? AND ${readableOnly('i.')}`,
        )
        .all(fromMs, toMs);
      return rows.map((r) => ({
        interviewId: String(r.id),
        endUtc: new Date(Number(r.end_ms)).toISOString(),
        status: r.status === 'cancelled' ? 'cancelled' : 'scheduled',
        origin: String(r.origin),
        armedAt: Date.parse(String(r.armed_at)) || 0,
        submitted: Number(r.submitted) === 1,
        marks: new Set(JSON.parse(String(r.marks)) as string[]),
      }));
    },
    mark(moments, at) {
      const iso = new Date(at).toISOString();
      db.transaction(() => {
        for (const m of moments)
          db.prepare('INSERT OR IGNORE INTO reminder_marks (interview_id, key, at) VALUES (?, ?, ?)').run(
            m.interviewId,
            m.key,
            iso,
          );
      });
    },
    replaceMark(interviewId, replaced, key, at) {
      db.transaction(() => {
        db.prepare('DELETE FROM reminder_marks WHERE interview_id = ? AND key = ?').run(interviewId, replaced);
        db.prepare('INSERT OR IGNORE INTO reminder_marks (interview_id, key, at) VALUES (?, ?, ?)').run(
          interviewId,
          key,
          new Date(at).toISOString(),
        );
      });
    },
  };
}
