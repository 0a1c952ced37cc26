/**
 * Scorecards in SQLite, one row per interview and author: the recruiter's own, written in the app
 * (`source 'app'`, one per interview), and the panel's read back from Google Forms (`source 'form'`,
 * always submitted). Rows cascade with their interview. The record is the JSON of `scorecardSchema`;
 * a row that no longer passes it is left out, never a crash.
 *
 * One address, one row (the key is `(interview_id, author_email)`), and the recruiter's own app
 * scorecard wins over a form response under the same address (the recruiter answered the panel's
 * form, or their address changed to a panelist's):
 * - saving it in the app replaces such a form row (`putOwn`): the app's is the one they edit;
 * - a form response arriving later under the address of the app's row is ignored: a form row is
 *   written only where no row or a form row stands (main/panel-forms/panel-forms-repository.ts,
 *   `putFormScorecard`, upserts `WHERE scorecards.source = 'form'`; a test holds both sides to it).
 * Until the app's row exists, a form row under the recruiter's address is shown with the others and
 * does not count as their submitted scorecard ("Scorecard due" asks for the app's).
 */
import type { Database } from '../database/database';
import type { Logger } from '../logging/logger';
import { scorecardSchema, type Scorecard } from '../../preload/shared/contract/scorecard-schema';
import { readStoredRecord } from '../database/stored-record';

/** The scorecards table. */
export interface ScorecardRepository {
  /** The recruiter's own scorecard for an interview (the app's row), if one was saved. */
  own(interviewId: string): Scorecard | undefined;
  /** Everyone else's scorecards for an interview (form rows and any other author), submitted first by time. */
  others(interviewId: string): Scorecard[];
  /**
   * Writes the recruiter's scorecard, replacing the app's row for its interview (the author may have
   * changed) and any form row under the recruiter's address (the app's wins).
   */
  putOwn(scorecard: Scorecard): void;
  /** Of `ids`, the interviews whose recruiter's scorecard is submitted. */
  submittedAmong(ids: string[]): Set<string>;
}

/** Creates the repository over the app database. */
export function createScorecardRepository(deps: { database: Database; log: Logger }): ScorecardRepository {
  const db = deps.database;
  const parse = (record: unknown): Scorecard | undefined =>
    // Never the content: scorecards stay out of logs.
    readStoredRecord(scorecardSchema, record, () =>
      deps.log.warn('a stored scorecard could not be read and is not shown'),
    );
  const present = (s: Scorecard | undefined): s is Scorecard => s !== undefined;

  return {
    own(interviewId) {
      const row = db
        .prepare("SELECT record FROM scorecards WHERE interview_id = ? AND source = 'app'")
        .get(interviewId);
      return row ? parse(row.record) : undefined;
    },
    others(interviewId) {
      return db
        .prepare(
          `SELECT record FROM scorecards WHERE interview_id = ? AND source <> 'app'
           ORDER BY submitted_ms IS NULL, submitted_ms, author_email`,
        )
        .all(interviewId)
        .map((r) => parse(r.record))
        .filter(present);
    },
    putOwn(scorecard) {
      const valid = scorecardSchema.parse(scorecard);
      db.transaction(() => {
        db.prepare("DELETE FROM scorecards WHERE interview_id = ? AND source = 'app'").run(valid.interviewId);
        db.prepare(
          `INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms)
           VALUES (?, ?, 'app', ?, ?, ?, ?)
           -- A form row under the recruiter's address gives way: the app's scorecard wins.
           ON CONFLICT (interview_id, author_email) DO UPDATE SET source = 'app', state = excluded.state,
             record = excluded.record, submitted_ms = excluded.submitted_ms, updated_ms = excluded.updated_ms`,
        ).run(
          valid.interviewId,
          valid.author.email.toLowerCase(),
          valid.state,
          JSON.stringify(valid),
          valid.submittedAt ? Date.parse(valid.submittedAt) : null,
          Date.parse(valid.updatedAt),
        );
      });
    },
    submittedAmong(ids) {
      if (ids.length === 0) return new Set();
      const rows = db
        .prepare(
          `SELECT DISTINCT interview_id FROM scorecards WHERE source = 'app' AND state = 'submitted'
           AND interview_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids));
      return new Set(rows.map((r) => String(r.interview_id)));
    },
  };
}
