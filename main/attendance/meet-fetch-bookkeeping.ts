/**
 * The fetch bookkeeping both Meet jobs keep per interview (attendance in `attendance_fetch`, Meet's
 * artifacts in `artifact_fetch`): one row per interview, keyed to what the interview was when Meet was
 * read — its time and Meet link. Both jobs must agree on that key, on which interviews may be read and
 * on when what was read goes stale, so that SQL is written once here instead of in each repository.
 */
import type { SQLInputValue } from 'node:sqlite';
import type { Database } from '../database/database';
import { readableOnly } from '../database/unreadable-interviews';

/** A Meet job's fetch table. */
export type MeetFetchTable = 'attendance_fetch' | 'artifact_fetch';

/** SQL: what a read is for, on `interviews` aliased `alias` — its time and Meet link. A reschedule or a new link changes it. */
export const readSubjectSql = (alias: string): string =>
  `(${alias}.start_ms || ':' || ${alias}.end_ms || ':' || coalesce(json_extract(${alias}.record, '$.meetLink'), ''))`;

/**
 * SQL condition on `interviews i`: the interviews a Meet job may read — the recruiter's own, scheduled,
 * with a Meet link. A record this version cannot read is never read for: it would come back every run
 * and take the places of readable interviews in each batch.
 */
export const meetReadableSql = `i.status = 'scheduled' AND i.origin = 'recruiter' AND json_extract(i.record, '$.meetLink') LIKE 'https://meet.google.com/%' AND ${readableOnly('i.')}`;

/**
 * (Re)creates trigger `name`: it deletes an interview's rows from `tables` in the same transaction as a
 * change of its time or Meet link (and of its status, with `onStatusChange`), whoever writes the interview.
 * Derived behaviour, not part of the schema ladder: recreated at every open, so its body is always this build's.
 */
export function forgetOnMeetingChange(
  db: Database,
  name: string,
  tables: string[],
  { onStatusChange }: { onStatusChange: boolean },
): void {
  db.exec(`
    DROP TRIGGER IF EXISTS ${name};
    CREATE TRIGGER ${name} AFTER UPDATE OF start_ms, end_ms,${onStatusChange ? ' status,' : ''} record ON interviews
    WHEN new.start_ms IS NOT old.start_ms OR new.end_ms IS NOT old.end_ms${onStatusChange ? ' OR new.status IS NOT old.status' : ''}
      OR coalesce(json_extract(new.record, '$.meetLink'), '') IS NOT coalesce(json_extract(old.record, '$.meetLink'), '')
    BEGIN
      ${tables.map((table) => `DELETE FROM ${table} WHERE interview_id = new.id;`).join('\n      ')}
    END;
  `);
}

/** A fetch row as read back; `current` is false once the interview's time or Meet link changed since it was written. */
export interface FetchRow {
  row: Record<string, unknown>;
  current: boolean;
}

/** One Meet job's fetch table: its rows read and written keyed to what the interview is now. */
export interface MeetFetchRows {
  /** One interview's row, or undefined when Meet was never read for it. */
  read(interviewId: string): FetchRow | undefined;
  /**
   * Writes one interview's row (inserted, or these columns replaced), keyed to what the interview is
   * now; nothing is written for an interview that is not stored. Column names come from the caller's
   * code, never from input.
   */
  write(interviewId: string, columns: Record<string, SQLInputValue>): void;
  /** SQL condition on `interviews i`: its row was written for what the interview is now. */
  readForNowSql: string;
}

/** The rows of `table`. */
export function meetFetchRows(db: Database, table: MeetFetchTable): MeetFetchRows {
  return {
    read(interviewId) {
      const row = db
        .prepare(
          `SELECT f.*, f.fetched_for = ${readSubjectSql('i')} AS current FROM ${table} f JOIN interviews i ON i.id = f.interview_id WHERE f.interview_id = ?`,
        )
        .get(interviewId);
      return row ? { row, current: row.current === 1 } : undefined;
    },
    write(interviewId, columns) {
      const names = Object.keys(columns);
      const updates = [...names, 'fetched_for'].map((n) => `${n} = excluded.${n}`).join(', ');
      db.prepare(
        `INSERT INTO ${table} (interview_id, ${names.join(', ')}, fetched_for)
         SELECT ?, ${names.map(() => '?').join(', ')}, ${readSubjectSql('i')} FROM interviews i WHERE i.id = ?
         ON CONFLICT (interview_id) DO UPDATE SET ${updates}`,
      ).run(interviewId, ...Object.values(columns), interviewId);
    },
    readForNowSql: `EXISTS (SELECT 1 FROM ${table} f WHERE f.interview_id = i.id AND f.fetched_for = ${readSubjectSql('i')})`,
  };
}

/** A stored state only while it is about what the interview is now: one about its earlier time or link is not carried over. */
export const stateForNow = <S extends { current: boolean }>(stored: S | undefined): S | undefined =>
  stored?.current ? stored : undefined;
