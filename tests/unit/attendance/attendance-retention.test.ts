import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createAttendanceRepository } from '../../../main/attendance/attendance-repository';
import { createAttendanceRetention } from '../../../main/attendance/attendance-retention';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeInterview } from '../../support/interview-fixtures';
import type { ConferenceAttendance } from '../../../main/attendance/meet-records';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));
const day = 86_400_000;

describe('attendance retention (SQLite, injected clock)', () => {
  it('deletes what Meet gave for interviews past the period at start, then once a day while running, by the clock', () => {
    const sql = new DatabaseSync(':memory:');
    applyPragmas(sql, ':memory:');
    migrateDatabase(sql);
    const db = wrapDatabase(sql, ':memory:');
    open.push(db);
    const interviews = createInterviewRepository(db);
    const repository = createAttendanceRepository(db);
    const a = makeInterview({
      startUtc: '2030-01-01T09:00:00.000Z',
      durationMinutes: 60,
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const b = makeInterview({
      startUtc: '2030-01-03T09:00:00.000Z',
      durationMinutes: 60,
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    interviews.putMany([a, b]);
    for (const i of [a, b]) {
      const conference: ConferenceAttendance = {
        record: { name: `conferenceRecords/${i.id.slice(0, 8)}`, startTime: i.startUtc },
        participants: [],
      };
      repository.save(i.id, [conference]);
      repository.setFetchState(i.id, { state: 'fetched', final: true, attempts: 0, nextMs: 0, fetchedMs: 1 });
    }
    const end = (i: typeof a) => Date.parse(i.startUtc) + 60 * 60_000;
    let now = end(a) + 180 * day + 60_000;
    const timers: Array<{ run: () => void; ms: number }> = [];
    const changed: string[][] = [];
    const retention = createAttendanceRetention({
      repository,
      days: () => 180,
      clock: { now: () => now },
      timers: { set: (run, ms) => timers.push({ run, ms }) - 1, clear: () => {} },
      log: createMemoryLogger(),
      changed: (ids) => void changed.push(ids),
    });
    // At start: a ended 180 days and a minute ago, b not yet.
    expect(retention.prune()).toEqual([a.id]);
    expect(repository.fetchState(a.id)).toBeUndefined();
    expect(repository.conferences(b.id)).toHaveLength(1);
    // Hourly wakes re-read the clock; the daily prune runs once a day has passed on it.
    now += 3_600_000;
    timers.at(-1)!.run();
    expect(changed).toEqual([[a.id]]);
    // b ended two days after a.
    now += 2 * day;
    timers.at(-1)!.run();
    expect(changed).toEqual([[a.id], [b.id]]);
    expect(repository.conferences(b.id)).toEqual([]);
    expect(timers.every((t) => t.ms <= 3_600_000)).toBe(true);
    retention.dispose();
  });
});
