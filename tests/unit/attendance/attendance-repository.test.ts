import { markUnreadable } from '../../../main/database/unreadable-interviews';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createAttendanceRepository } from '../../../main/attendance/attendance-repository';
import { makeInterview } from '../../support/interview-fixtures';
import { makeTempDir } from '../../support/temp-dir';
import type { ConferenceAttendance } from '../../../main/attendance/meet-records';

const open: Database[] = [];
const database = (file = ':memory:') => {
  const sql = new DatabaseSync(file);
  applyPragmas(sql, file);
  migrateDatabase(sql);
  const db = wrapDatabase(sql, file);
  open.push(db);
  return db;
};
afterEach(() => open.splice(0).forEach((d) => d.close()));

const conference: ConferenceAttendance = {
  record: {
    name: 'conferenceRecords/c1',
    startTime: '2030-01-13T08:57:00.000Z',
    endTime: '2030-01-13T09:56:00.000Z',
    space: 'spaces/s1',
  },
  participants: [
    {
      participant: {
        name: 'conferenceRecords/c1/participants/p1',
        identity: { kind: 'signedin', user: 'users/1001', displayName: 'Rita Recruiter' },
        earliestStartTime: '2030-01-13T08:58:00.000Z',
        latestEndTime: '2030-01-13T09:55:00.000Z',
      },
      sessions: [
        {
          name: 'conferenceRecords/c1/participants/p1/participantSessions/s1',
          startTime: '2030-01-13T08:58:00.000Z',
          endTime: '2030-01-13T09:55:00.000Z',
        },
      ],
    },
    {
      participant: {
        name: 'conferenceRecords/c1/participants/p2',
        identity: { kind: 'anonymous', displayName: 'Ada Lovelace' },
        earliestStartTime: '2030-01-13T09:03:00.000Z',
        latestEndTime: '2030-01-13T09:55:00.000Z',
      },
      sessions: [
        {
          name: 'conferenceRecords/c1/participants/p2/participantSessions/s2',
          startTime: '2030-01-13T09:03:00.000Z',
          endTime: '2030-01-13T09:20:00.000Z',
        },
        {
          name: 'conferenceRecords/c1/participants/p2/participantSessions/s3',
          startTime: '2030-01-13T09:21:00.000Z',
          endTime: '2030-01-13T09:55:00.000Z',
        },
      ],
    },
  ],
};

describe('attendance repository (SQLite)', () => {
  it('stores conferences, participants and sessions per interview, and replaces them on the next fetch', () => {
    const db = database();
    const interview = makeInterview({
      startUtc: '2030-01-13T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    createInterviewRepository(db).put(interview);
    const repo = createAttendanceRepository(db);
    expect(repo.conferences(interview.id)).toEqual([]);
    repo.save(interview.id, [conference]);
    expect(repo.conferences(interview.id)).toEqual([conference]);
    const running = {
      ...conference,
      record: { name: 'conferenceRecords/c2', startTime: '2030-01-13T10:00:00.000Z' },
      participants: [],
    };
    repo.save(interview.id, [running]);
    expect(repo.conferences(interview.id)).toEqual([running]);
    // Forgetting the interview forgets its attendance.
    createInterviewRepository(db).remove(interview.id);
    expect(Number((db.prepare('SELECT count(*) AS n FROM attendance_conferences').get() as { n: number }).n)).toBe(0);
  });

  it('knows what is due: ended, with a Meet link, a recruiter interview, within Meet’s 30 days, not final, its turn come', () => {
    const temp = makeTempDir();
    try {
      const db = database(path.join(temp.dir, 'a.sqlite'));
      const interviews = createInterviewRepository(db);
      const ended = makeInterview({
        startUtc: '2030-01-13T09:00:00.000Z',
        meetLink: 'https://meet.google.com/abc-defg-hij',
      });
      const noLink = makeInterview({ startUtc: '2030-01-13T09:00:00.000Z' });
      const candidateCopy = makeInterview({
        startUtc: '2030-01-13T09:00:00.000Z',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        origin: 'candidate',
      });
      const cancelled = makeInterview({
        startUtc: '2030-01-13T09:00:00.000Z',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        status: 'cancelled',
      });
      const future = makeInterview({
        startUtc: '2030-01-14T09:00:00.000Z',
        meetLink: 'https://meet.google.com/abc-defg-hij',
      });
      interviews.putMany([ended, noLink, candidateCopy, cancelled, future]);
      const repo = createAttendanceRepository(db);
      const now = Date.parse('2030-01-13T12:00:00.000Z');
      expect(repo.due(now, 0, 10).map((d) => d.id)).toEqual([ended.id]);
      // Records this version cannot read never take a readable interview's place in a batch.
      const unreadable = Array.from({ length: 3 }, (_, n) =>
        makeInterview({
          startUtc: `2030-01-13T1${n}:00:00.000Z`,
          durationMinutes: 30,
          meetLink: 'https://meet.google.com/abc-defg-hij',
        }),
      );
      interviews.putMany(unreadable);
      expect(repo.due(Date.parse('2030-01-13T13:00:00.000Z'), 0, 1).map((d) => d.id)).toEqual([unreadable[2]!.id]);
      markUnreadable(
        db,
        unreadable.map((u) => ({ id: u.id, reason: 'origin: unknown value' })),
      );
      expect(repo.due(Date.parse('2030-01-13T13:00:00.000Z'), 0, 1).map((d) => d.id)).toEqual([ended.id]);
      for (const u of unreadable) interviews.remove(u.id);
      expect(repo.due(now, now - 60_000, 10)).toEqual([]);
      expect(repo.nextDueAfter(now)).toBe(Date.parse('2030-01-14T10:00:00.000Z'));
      repo.setFetchState(ended.id, {
        state: 'retry',
        final: false,
        attempts: 1,
        nextMs: now + 60_000,
        reason: 'Google Meet could not be reached.',
      });
      expect(repo.due(now, 0, 10)).toEqual([]);
      expect(repo.nextDueAfter(now)).toBe(now + 60_000);
      expect(repo.due(now + 60_000, 0, 10).map((d) => d.id)).toEqual([ended.id]);
      repo.setFetchState(ended.id, { state: 'blocked', final: false, attempts: 1, nextMs: now + 3_600_000 });
      expect(repo.due(now, 0, 10)).toEqual([]);
      repo.unblock();
      expect(repo.due(now, 0, 10).map((d) => d.id)).toEqual([ended.id]);
      repo.setFetchState(ended.id, { state: 'fetched', final: true, attempts: 0, nextMs: 0, fetchedMs: now });
      expect(repo.due(now + 86_400_000, 0, 10).map((d) => d.id)).toEqual([future.id]);
      expect(repo.fetchState(ended.id)).toEqual({
        state: 'fetched',
        final: true,
        attempts: 0,
        nextMs: 0,
        fetchedMs: now,
        current: true,
      });
      // Moved to another time (or given another link): what was read is about another meeting (deleted), and it is due again once the new time has passed.
      interviews.put({ ...ended, startUtc: '2030-01-13T10:00:00.000Z' });
      expect(repo.fetchState(ended.id)).toBeUndefined();
      expect(repo.due(now, 0, 10).map((d) => d.id)).toEqual([ended.id]);
      interviews.put({
        ...ended,
        startUtc: '2030-01-13T10:00:00.000Z',
        meetLink: 'https://meet.google.com/new-link-abc',
      });
      repo.setFetchState(ended.id, { state: 'fetched', final: true, attempts: 0, nextMs: 0, fetchedMs: now });
      expect(repo.due(now, 0, 10)).toEqual([]);
      interviews.put({
        ...ended,
        startUtc: '2030-01-13T10:00:00.000Z',
        meetLink: 'https://meet.google.com/abc-defg-hij',
      });
      expect(repo.due(now, 0, 10).map((d) => d.id)).toEqual([ended.id]);
    } finally {
      temp.cleanup();
    }
  });

  it('what was read for an earlier time or link, or before a cancel, is deleted with that change, not hidden', () => {
    const db = database();
    const interviews = createInterviewRepository(db);
    const repo = createAttendanceRepository(db);
    const count = (table: string) =>
      Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    const interview = makeInterview({
      startUtc: '2030-01-13T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const read = () => {
      repo.save(interview.id, [conference]);
      repo.setFetchState(interview.id, { state: 'fetched', final: true, attempts: 0, nextMs: 0, fetchedMs: 1 });
      expect([
        count('attendance_conferences'),
        count('attendance_participants'),
        count('attendance_sessions'),
        count('attendance_fetch'),
      ]).toEqual([1, 2, 3, 1]);
    };
    const gone = () =>
      expect([
        count('attendance_conferences'),
        count('attendance_participants'),
        count('attendance_sessions'),
        count('attendance_fetch'),
      ]).toEqual([0, 0, 0, 0]);
    interviews.put(interview);
    read();
    // A change that is not about the meeting (its notes, say) keeps it.
    interviews.put({ ...interview, notes: 'Strong on compilers' });
    expect(repo.conferences(interview.id)).toEqual([conference]);
    interviews.put({ ...interview, startUtc: '2030-01-13T10:00:00.000Z' });
    gone();
    read();
    interviews.put({ ...interview, startUtc: '2030-01-13T10:00:00.000Z', durationMinutes: 90 });
    gone();
    read();
    interviews.put({
      ...interview,
      startUtc: '2030-01-13T10:00:00.000Z',
      durationMinutes: 90,
      meetLink: 'https://meet.google.com/new-link-abc',
    });
    gone();
    read();
    interviews.put({
      ...interview,
      startUtc: '2030-01-13T10:00:00.000Z',
      durationMinutes: 90,
      meetLink: 'https://meet.google.com/new-link-abc',
      status: 'cancelled',
    });
    gone();
  });

  it('forget: deletes everything read from Meet for interviews that ended before the cutoff, and any left from an earlier time or link', () => {
    const db = database();
    const interviews = createInterviewRepository(db);
    const repo = createAttendanceRepository(db);
    const old = makeInterview({
      startUtc: '2030-01-13T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const recent = makeInterview({
      startUtc: '2030-06-13T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const stale = makeInterview({
      startUtc: '2030-06-14T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    interviews.putMany([old, recent, stale]);
    for (const i of [old, recent, stale]) {
      repo.save(i.id, [conference]);
      repo.setFetchState(i.id, { state: 'fetched', final: true, attempts: 0, nextMs: 0, fetchedMs: 1 });
    }
    // Left by an older build, which only hid it: read for another time.
    db.prepare("UPDATE attendance_fetch SET fetched_for = 'earlier' WHERE interview_id = ?").run(stale.id);
    expect(repo.forget(Date.parse('2030-03-01T00:00:00.000Z')).sort()).toEqual([old.id, stale.id].sort());
    expect(repo.conferences(old.id)).toEqual([]);
    expect(repo.fetchState(old.id)).toBeUndefined();
    expect(repo.conferences(stale.id)).toEqual([]);
    expect(repo.conferences(recent.id)).toEqual([conference]);
    expect(Number((db.prepare('SELECT count(*) AS n FROM attendance_sessions').get() as { n: number }).n)).toBe(3);
    expect(repo.forget(Date.parse('2030-03-01T00:00:00.000Z'))).toEqual([]);
  });

  it('reads the version 4 fixture back', () => {
    const sql = new DatabaseSync(':memory:');
    sql.exec(fs.readFileSync(path.resolve('tests/fixtures/database/v4.sql'), 'utf8'));
    const db = wrapDatabase(sql, ':memory:');
    open.push(db);
    const repo = createAttendanceRepository(db);
    expect(repo.conferences('4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d')).toEqual([conference]);
    expect(repo.fetchState('4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d')).toMatchObject({
      state: 'fetched',
      final: true,
      current: true,
    });
  });
});
