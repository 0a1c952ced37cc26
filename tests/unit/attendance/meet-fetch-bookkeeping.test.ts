import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { markUnreadable } from '../../../main/database/unreadable-interviews';
import {
  forgetOnMeetingChange,
  meetFetchRows,
  meetReadableSql,
  stateForNow,
} from '../../../main/attendance/meet-fetch-bookkeeping';
import { makeInterview } from '../../support/interview-fixtures';

const open: Database[] = [];
const database = () => {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  const db = wrapDatabase(sql, ':memory:');
  open.push(db);
  return db;
};
afterEach(() => open.splice(0).forEach((d) => d.close()));

const link = 'https://meet.google.com/abc-mnop-xyz';
const fetched = { state: 'fetched', final: 0, attempts: 0, next_ms: 0, fetched_ms: 5, reason: null };

describe('Meet fetch bookkeeping', () => {
  it('writes a row keyed to the interview as it is now, and reads it back as current', () => {
    const db = database();
    const interviews = createInterviewRepository(db);
    const interview = makeInterview({ startUtc: '2030-01-13T09:00:00.000Z', meetLink: link });
    interviews.put(interview);
    const rows = meetFetchRows(db, 'attendance_fetch');
    expect(rows.read(interview.id)).toBeUndefined();
    rows.write(interview.id, fetched);
    expect(rows.read(interview.id)).toMatchObject({ row: { state: 'fetched', fetched_ms: 5 }, current: true });
    // Written again: the named columns are replaced, the others keep their value.
    rows.write(interview.id, { ...fetched, state: 'retry', attempts: 2, fetched_ms: null });
    expect(rows.read(interview.id)).toMatchObject({
      row: { state: 'retry', attempts: 2, fetched_ms: null },
      current: true,
    });
    // An interview that is not stored gets no row.
    rows.write('not-stored', fetched);
    expect(rows.read('not-stored')).toBeUndefined();
  });

  it('a row written for an earlier time or Meet link is no longer current, until written again', () => {
    const db = database();
    const interviews = createInterviewRepository(db);
    const interview = makeInterview({ startUtc: '2030-01-13T09:00:00.000Z', meetLink: link });
    const other = makeInterview({ startUtc: '2030-01-14T09:00:00.000Z', meetLink: link });
    interviews.putMany([interview, other]);
    const rows = meetFetchRows(db, 'artifact_fetch');
    const readForNow = () =>
      db
        .prepare(`SELECT i.id FROM interviews i WHERE ${rows.readForNowSql} ORDER BY i.id`)
        .all()
        .map((r) => r.id);
    rows.write(interview.id, { state: 'waiting', attempts: 0, next_ms: 0 });
    rows.write(other.id, { state: 'waiting', attempts: 0, next_ms: 0 });
    expect(readForNow()).toEqual([interview.id, other.id].sort());

    // No trigger here: the rows stay, and say they are about another meeting.
    interviews.put({ ...interview, startUtc: '2030-01-13T10:00:00.000Z' });
    interviews.put({ ...other, meetLink: 'https://meet.google.com/xyz-mnop-abc' });
    expect(rows.read(interview.id)?.current).toBe(false);
    expect(rows.read(other.id)?.current).toBe(false);
    expect(readForNow()).toEqual([]);

    rows.write(interview.id, { state: 'waiting', attempts: 0, next_ms: 0 });
    expect(rows.read(interview.id)?.current).toBe(true);
    expect(readForNow()).toEqual([interview.id]);
  });

  it('the trigger deletes what was read when the time or link changes, and on a status change only when asked', () => {
    const db = database();
    const interviews = createInterviewRepository(db);
    const at = (hour: string) => makeInterview({ startUtc: `2030-01-13T${hour}:00:00.000Z`, meetLink: link });
    const moved = at('09');
    const relinked = at('10');
    const cancelled = at('11');
    const renamed = at('12');
    const all = [moved, relinked, cancelled, renamed];
    interviews.putMany(all);
    const attendance = meetFetchRows(db, 'attendance_fetch');
    const artifacts = meetFetchRows(db, 'artifact_fetch');
    forgetOnMeetingChange(db, 'test_attendance_forget', ['attendance_fetch'], { onStatusChange: true });
    forgetOnMeetingChange(db, 'test_artifacts_forget', ['artifact_fetch'], { onStatusChange: false });
    for (const i of all) {
      attendance.write(i.id, fetched);
      artifacts.write(i.id, { state: 'complete', attempts: 0, next_ms: 0 });
    }
    interviews.put({ ...moved, durationMinutes: 30 });
    interviews.put({ ...relinked, meetLink: 'https://meet.google.com/xyz-mnop-abc' });
    interviews.put({ ...cancelled, status: 'cancelled' });
    interviews.put({ ...renamed, jobTitle: 'Staff engineer' });

    const kept = (rows: typeof attendance) => all.filter((i) => rows.read(i.id)).map((i) => i.id);
    expect(kept(attendance)).toEqual([renamed.id]);
    expect(kept(artifacts)).toEqual([cancelled.id, renamed.id]);
  });

  it('Meet may be read for the recruiter’s own scheduled interviews with a Meet link that this version can read', () => {
    const db = database();
    const interviews = createInterviewRepository(db);
    const start = '2030-01-13T09:00:00.000Z';
    const readable = makeInterview({ startUtc: start, meetLink: link });
    const unreadable = makeInterview({ startUtc: start, meetLink: link });
    interviews.putMany([
      readable,
      unreadable,
      makeInterview({ startUtc: start }),
      makeInterview({ startUtc: start, meetLink: 'https://example.com/abc-mnop-xyz' }),
      makeInterview({ startUtc: start, meetLink: link, status: 'cancelled' }),
      makeInterview({ startUtc: start, meetLink: link, origin: 'candidate' }),
    ]);
    markUnreadable(db, [{ id: unreadable.id, reason: 'a newer version wrote it' }]);
    const ids = db
      .prepare(`SELECT i.id FROM interviews i WHERE ${meetReadableSql}`)
      .all()
      .map((r) => r.id);
    expect(ids).toEqual([readable.id]);
  });

  it('a stored state is carried over only while it is current', () => {
    const state = { state: 'fetched', current: true };
    expect(stateForNow(state)).toBe(state);
    expect(stateForNow({ ...state, current: false })).toBeUndefined();
    expect(stateForNow(undefined)).toBeUndefined();
  });
});
