import { afterAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { simulatedTime } from '../../support/simulated-time';
import { makeInterview } from '../../support/interview-fixtures';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createAttendanceRepository } from '../../../main/attendance/attendance-repository';
import type { ConferenceAttendance } from '../../../main/attendance/meet-records';

/**
 * "Scorecard due" when Meet attendance changes its mind, over the composed services (real SQLite,
 * the real attendance service's view, simulated time): a partial first read says the recruiter did
 * not join, a later one finds them.
 */
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const startUtc = '2030-06-03T09:00:00.000Z';
const start = Date.parse(startUtc);
const end = start + hour;
const iso = (ms: number) => new Date(ms).toISOString();

const temp = makeTempDir();
const time = simulatedTime(iso(start - hour));
const services = servicesFor(temp.dir, { clock: time.clock, tuning: { timers: time.timers } });
afterAll(async () => {
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
});

const interview = makeInterview({ startUtc, durationMinutes: 60, meetLink: 'https://meet.google.com/abc-mnop-xyz' });
createInterviewRepository(services.stores.database).put(interview);
const due: { id: string; at: number }[] = [];
services.events.listen((name, payload) => {
  if (name === 'scorecards:due')
    due.push({ id: (payload as { interviewId: string }).interviewId, at: time.clock.now() });
});

/** Someone in the call, anonymous (no Google account), from `from` to `to`. */
const person = (n: number, displayName: string, from: number, to?: number) => ({
  participant: {
    name: `conferenceRecords/c1/participants/p${n}`,
    identity: { kind: 'anonymous' as const, displayName },
    earliestStartTime: iso(from),
    ...(to ? { latestEndTime: iso(to) } : {}),
  },
  sessions: [
    {
      name: `conferenceRecords/c1/participants/p${n}/participantSessions/s1`,
      startTime: iso(from),
      ...(to ? { endTime: iso(to) } : {}),
    },
  ],
});

/** What a window opened now shows as due (the renderer's call). */
const dueNow = async () =>
  ((await services.handlers['scorecards:dueNow']!(undefined)) as { interviewId: string }[]).map((d) => d.interviewId);

/** What the attendance job leaves after a read from Meet, and its announcement. */
function read(conference: ConferenceAttendance, final: boolean) {
  const repository = createAttendanceRepository(services.stores.database);
  repository.save(interview.id, [conference]);
  repository.setFetchState(interview.id, {
    state: 'fetched',
    final,
    attempts: 0,
    nextMs: 0,
    fetchedMs: time.clock.now(),
  });
  services.events.emit('attendance:changed', { ids: [interview.id] });
  return services.attendance.view(interview.id).report?.outcome;
}

describe('"Scorecard due" follows Meet attendance changing its mind (composed services, simulated time)', () => {
  it('skips while the recruiter seems absent, resumes once a later read finds them, never twice', async () => {
    // A partial read during the call: only the candidate is there.
    time.run(start + 10 * minute);
    expect(
      read(
        {
          record: { name: 'conferenceRecords/c1', startTime: iso(start) },
          participants: [person(1, 'Ada Lovelace', start)],
        },
        false,
      ),
    ).toBe('interviewer_no_show');
    time.run(end + hour + 30 * minute);
    expect(due).toEqual([]);
    expect(await dueNow()).toEqual([]);

    // The next read, after the call: the recruiter joined late and stayed. Shown now, once.
    const outcome = read(
      {
        record: { name: 'conferenceRecords/c1', startTime: iso(start), endTime: iso(end) },
        participants: [person(1, 'Ada Lovelace', start, end), person(2, 'Rita Recruiter', start + 20 * minute, end)],
      },
      true,
    );
    expect(['interviewer_no_show', 'neither']).not.toContain(outcome);
    expect(due).toEqual([{ id: interview.id, at: end + hour + 30 * minute }]);
    expect(await dueNow()).toEqual([interview.id]);
    services.events.emit('attendance:changed', { ids: [interview.id] });
    expect(due).toHaveLength(1);

    // The series goes on a day after the first moment.
    time.run(end + hour + day);
    expect(due.map((d) => d.at)).toEqual([end + hour + 30 * minute, end + hour + day]);

    // Absence that appears later (a read that no longer finds them) stops it: nothing more fires.
    read(
      {
        record: { name: 'conferenceRecords/c1', startTime: iso(start), endTime: iso(end) },
        participants: [person(1, 'Ada Lovelace', start, end)],
      },
      true,
    );
    time.run(end + 10 * day);
    expect(due).toHaveLength(2);
  });
});

describe('"Scorecard due" once Meet attendance is purged (composed services, simulated time, a restart)', () => {
  it('a series skipped because the recruiter did not attend stays skipped after retention deletes the report', async () => {
    const dir = makeTempDir();
    const startB = start + 7 * day;
    const endB = startB + hour;
    const clockB = simulatedTime(iso(startB - hour));
    const missed = makeInterview({
      startUtc: iso(startB),
      durationMinutes: 60,
      meetLink: 'https://meet.google.com/abc-mnop-xyz',
    });
    const shown: number[] = [];
    const open = () => {
      const s = servicesFor(dir.dir, { clock: clockB.clock, tuning: { timers: clockB.timers } });
      s.events.listen((name, payload) => {
        if (name === 'scorecards:due' && (payload as { interviewId: string }).interviewId === missed.id)
          shown.push(clockB.clock.now());
      });
      return s;
    };
    const dueIds = async (s: ReturnType<typeof open>) =>
      ((await s.handlers['scorecards:dueNow']!(undefined)) as { interviewId: string }[]).map((d) => d.interviewId);
    let s = open();
    try {
      createInterviewRepository(s.stores.database).put(missed);
      // Meet's final read: only the candidate came.
      clockB.run(endB + 10 * minute);
      const repository = createAttendanceRepository(s.stores.database);
      repository.save(missed.id, [
        {
          record: { name: 'conferenceRecords/c2', startTime: iso(startB), endTime: iso(endB) },
          participants: [person(1, 'Ada Lovelace', startB, endB)],
        },
      ]);
      repository.setFetchState(missed.id, {
        state: 'fetched',
        final: true,
        attempts: 0,
        nextMs: 0,
        fetchedMs: clockB.clock.now(),
      });
      s.events.emit('attendance:changed', { ids: [missed.id] });
      expect(s.attendance.view(missed.id).report?.outcome).toBe('interviewer_no_show');
      clockB.run(endB + hour + day + 30 * minute);
      expect(shown).toEqual([]);

      // Keep Meet data for 1 day: saved, the report is deleted at once.
      await s.handlers['settings:update']!({ attendanceRetentionDays: 1 });
      expect(s.attendance.view(missed.id).report).toBeUndefined();
      clockB.run(endB + hour + 2 * day + 30 * minute);
      expect(shown).toEqual([]);
      expect(await dueIds(s)).toEqual([]);

      // A restart: new services over the same database file.
      await s.dispose();
      s.stores.database.close();
      s = open();
      clockB.run(endB + hour + 4 * day + 30 * minute);
      expect(shown).toEqual([]);
      expect(await dueIds(s)).toEqual([]);
    } finally {
      await s.dispose();
      s.stores.database.close();
      dir.cleanup();
    }
  });
});
