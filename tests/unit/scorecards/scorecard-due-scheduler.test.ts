import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createDueSubjects } from '../../../main/scorecards/due-subjects';
import { createScorecardDueScheduler } from '../../../main/scorecards/scorecard-due-scheduler';
import type { RecruiterSeen } from '../../../main/scorecards/scorecard-due-plan';
import { makeInterview } from '../../support/interview-fixtures';
import { simulatedTime } from '../../support/simulated-time';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));
const hour = 3_600_000;
const day = 24 * hour;

/** What Meet's current report says of the recruiter, per interview (none: no report). */
type Seen = Map<string, RecruiterSeen>;

function setup(interviews: Interview[], startIso: string, seen: Seen = new Map()) {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  const database = wrapDatabase(sql, ':memory:');
  open.push(database);
  const rows = createInterviewRepository(database);
  rows.putMany(interviews);
  const time = simulatedTime(startIso);
  const shown: { id: string; at: number }[] = [];
  // Every read of Meet's word (a report analysed, in the app), by interview.
  const reads: string[] = [];
  const start = () =>
    createScorecardDueScheduler({
      subjects: createDueSubjects(database),
      interviews: { find: (id) => rows.get(id) },
      recruiterSeen: (id) => (reads.push(id), seen.get(id) ?? 'unknown'),
      notify: (interview, now) => shown.push({ id: interview.id, at: now }),
      clock: time.clock,
      log: createMemoryLogger(),
      timers: time.timers,
    });
  return { database, rows, time, shown, start, reads };
}

const startUtc = '2030-06-03T09:00:00.000Z';
const end = Date.parse(startUtc) + hour;

describe('"Scorecard due" on the clock (SQLite, simulated time)', () => {
  it('shows one an hour after the end, then daily five times, and never twice across a restart', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const { time, shown, start } = setup([i], startUtc);
    let scheduler = start();
    time.run(end + hour + 2 * day + 1);
    expect(shown.map((s) => s.at - end)).toEqual([hour, hour + day, hour + 2 * day]);
    // A restart re-reads the marks: nothing is shown again.
    scheduler.dispose();
    scheduler = start();
    time.run(end + 10 * day);
    expect(shown.map((s) => (s.at - end - hour) / day)).toEqual([0, 1, 2, 3, 4, 5]);
    scheduler.dispose();
  });

  it('stops once the scorecard is submitted', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const { database, time, shown, start } = setup([i], startUtc);
    const scheduler = start();
    time.run(end + hour);
    expect(shown).toHaveLength(1);
    database
      .prepare(
        "INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms) VALUES (?, 'rita@example.com', 'app', 'submitted', '{}', ?, ?)",
      )
      .run(i.id, end + 2 * hour, end + 2 * hour);
    time.run(end + 10 * day);
    expect(shown).toHaveLength(1);
    scheduler.dispose();
  });

  it('shows none for a cancelled interview or one the recruiter did not attend', () => {
    const cancelled = makeInterview({ startUtc, durationMinutes: 60, status: 'cancelled' });
    const missed = makeInterview({ startUtc, durationMinutes: 60 });
    const { time, shown, start } = setup([cancelled, missed], startUtc, new Map([[missed.id, 'absent']]));
    const scheduler = start();
    time.run(end + 10 * day);
    expect(shown).toEqual([]);
    scheduler.dispose();
  });

  it('resumes once attendance finds the recruiter after all: the latest one due, once, then daily', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    // The first Meet read (partial) says the recruiter did not join.
    const seen: Seen = new Map([[i.id, 'absent']]);
    const { time, shown, start } = setup([i], startUtc, seen);
    let scheduler = start();
    time.run(end + hour + 30 * 60_000);
    expect(shown).toEqual([]);
    // A later read finds them: attendance changed, so the schedule looks again and shows it now.
    seen.set(i.id, 'present');
    scheduler.check();
    expect(shown.map((s) => s.at - end)).toEqual([hour + 30 * 60_000]);
    // Looked at again, or after a restart: the mark is kept, never twice.
    scheduler.check();
    scheduler.dispose();
    scheduler = start();
    time.run(end + hour + day - 1);
    expect(shown).toHaveLength(1);
    time.run(end + hour + day);
    expect(shown.map((s) => s.at - end)).toEqual([hour + 30 * 60_000, hour + day]);
    // Absence that appears later stops the series: nothing more.
    seen.set(i.id, 'absent');
    scheduler.check();
    time.run(end + 10 * day);
    expect(shown).toHaveLength(2);
    scheduler.dispose();
  });

  it('after days of absence, a read that finds the recruiter shows only the latest moment due', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const seen: Seen = new Map([[i.id, 'absent']]);
    const { time, shown, start } = setup([i], startUtc, seen);
    const scheduler = start();
    time.run(end + hour + 2 * day + 5 * 60_000);
    expect(shown).toEqual([]);
    seen.set(i.id, 'present');
    scheduler.check();
    scheduler.check();
    expect(shown.map((s) => s.at - end)).toEqual([hour + 2 * day + 5 * 60_000]);
    time.run(end + hour + 3 * day);
    expect(shown).toHaveLength(2);
    scheduler.dispose();
  });

  it('a series skipped for absence stays skipped once the report is gone (purged, stale), across a restart', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const seen: Seen = new Map([[i.id, 'absent']]);
    const { time, shown, start } = setup([i], startUtc, seen);
    let scheduler = start();
    time.run(end + hour + 30 * 60_000);
    expect(shown).toEqual([]);
    // Retention deletes the report (or a re-read leaves it about an earlier time): no report at all.
    seen.delete(i.id);
    scheduler.check();
    expect(shown).toEqual([]);
    expect(scheduler.dueNow()).toEqual([]);
    scheduler.dispose();
    scheduler = start();
    time.run(end + hour + 2 * day + 60_000);
    expect(shown).toEqual([]);
    expect(scheduler.dueNow()).toEqual([]);
    // A current report that finds them after all: the latest moment due, once, then daily.
    seen.set(i.id, 'present');
    scheduler.check();
    expect(shown.map((s) => s.at - end)).toEqual([hour + 2 * day + 60_000]);
    seen.delete(i.id);
    time.run(end + hour + 3 * day);
    expect(shown).toHaveLength(2);
    scheduler.dispose();
  });

  it('absence read between notices holds once the report is gone', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const seen: Seen = new Map();
    const { time, shown, start } = setup([i], startUtc, seen);
    const scheduler = start();
    time.run(end + hour);
    expect(shown).toHaveLength(1);
    // Meet's first read comes in after the first notice: the recruiter did not join. Then it is purged.
    seen.set(i.id, 'absent');
    scheduler.check();
    seen.delete(i.id);
    time.run(end + 10 * day);
    expect(shown).toHaveLength(1);
    scheduler.dispose();
  });

  it('after the computer slept for three days, shows the latest one only', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const { time, shown, start } = setup([i], startUtc);
    const scheduler = start();
    time.sleep(end + hour + 3 * day + 60_000 - time.clock.now());
    scheduler.check();
    expect(shown.map((s) => s.at)).toEqual([end + hour + 3 * day + 60_000]);
    time.run(end + hour + 4 * day);
    expect(shown).toHaveLength(2);
    scheduler.dispose();
  });

  it('survives the interview being written again (its reminder bookkeeping keeps the marks)', () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const { rows, time, shown, start } = setup([i], startUtc);
    const scheduler = start();
    time.run(end + hour);
    rows.putMany([{ ...rows.get(i.id)!, notes: 'Strong on design' }]);
    scheduler.check();
    time.run(end + hour + day - 1);
    expect(shown).toHaveLength(1);
    scheduler.dispose();
  });

  it("reads Meet's report until it finds the recruiter, then only for a notice it shows", () => {
    const i = makeInterview({ startUtc, durationMinutes: 60 });
    const { time, shown, start, reads } = setup([i], startUtc, new Map([[i.id, 'present']]));
    const scheduler = start();
    time.run(end + 10 * 60_000);
    // Changes elsewhere look again: the first look after the end reads and records Meet's word.
    scheduler.check();
    scheduler.check();
    scheduler.check();
    expect(reads).toEqual([i.id]);
    time.run(end + hour);
    expect(shown).toHaveLength(1);
    expect(reads).toEqual([i.id, i.id]);
    // A window opened asks what stands: the recorded word answers.
    expect(scheduler.dueNow().map((x) => x.id)).toEqual([i.id]);
    expect(reads).toHaveLength(2);
    scheduler.dispose();
  });

  it('answers what is due now without showing or recording anything: a reopened window sees it', () => {
    const due = makeInterview({ startUtc, durationMinutes: 60 });
    const earlier = makeInterview({
      startUtc: new Date(Date.parse(startUtc) - day).toISOString(),
      durationMinutes: 30,
    });
    const cancelled = makeInterview({ startUtc, durationMinutes: 60, status: 'cancelled' });
    const missed = makeInterview({ startUtc, durationMinutes: 60 });
    const upcoming = makeInterview({ startUtc: new Date(end + 2 * hour).toISOString(), durationMinutes: 60 });
    const { time, shown, start } = setup(
      [due, earlier, cancelled, missed, upcoming],
      startUtc,
      new Map([[missed.id, 'absent']]),
    );
    const scheduler = start();
    // The day before's interview is already due at start; this morning's not yet.
    expect(scheduler.dueNow().map((i) => i.id)).toEqual([earlier.id]);
    time.run(end + 2 * hour);
    expect(new Set(shown.map((s) => s.id))).toEqual(new Set([due.id, earlier.id]));
    const told = shown.length;
    // Asked again and again (each window that opens): the same answer, oldest end first, nothing shown.
    expect(scheduler.dueNow().map((i) => i.id)).toEqual([earlier.id, due.id]);
    expect(scheduler.dueNow().map((i) => i.id)).toEqual([earlier.id, due.id]);
    expect(shown).toHaveLength(told);
    // Past the last notice's day (of the latest one too), nothing stands any more.
    time.run(end + 3 * hour + hour + 6 * day);
    expect(scheduler.dueNow()).toEqual([]);
    scheduler.dispose();
  });
});
