import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createAttendanceRepository } from '../../../main/attendance/attendance-repository';
import { createAttendanceRetention } from '../../../main/attendance/attendance-retention';
import { createMemoryLogger } from '../../../main/logging/logger';
import { forgetScorecards } from '../../../main/scorecards/scorecard-retention';
import { makeInterview } from '../../support/interview-fixtures';
import { simulatedTime } from '../../support/simulated-time';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));
const day = 86_400_000;

function seed() {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  const db = wrapDatabase(sql, ':memory:');
  open.push(db);
  const old = makeInterview({ startUtc: '2030-01-01T09:00:00.000Z', durationMinutes: 60 });
  const recent = makeInterview({ startUtc: '2030-03-01T09:00:00.000Z', durationMinutes: 60 });
  createInterviewRepository(db).putMany([old, recent]);
  for (const i of [old, recent]) {
    db.prepare(
      "INSERT INTO scorecards (interview_id, author_email, source, state, record, updated_ms) VALUES (?, 'rita@example.com', 'app', 'draft', '{}', 0)",
    ).run(i.id);
    db.prepare("INSERT INTO panel_forms (interview_id, state, updated_ms) VALUES (?, 'sent', 0)").run(i.id);
    db.prepare(
      "INSERT INTO panel_form_recipients (interview_id, email, name) VALUES (?, 'pat@example.com', 'Pat')",
    ).run(i.id);
  }
  const count = (table: string, id: string) =>
    Number(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE interview_id = ?`).get(id)?.n);
  return { db, old, recent, count };
}

describe('scorecards and panel forms under the retention setting', () => {
  it('deletes them for interviews that ended before the cutoff, and keeps the rest', () => {
    const { db, old, recent, count } = seed();
    expect(forgetScorecards(db, Date.parse('2030-02-01T00:00:00.000Z'))).toEqual([old.id]);
    for (const table of ['scorecards', 'panel_forms', 'panel_form_recipients']) {
      expect(count(table, old.id)).toBe(0);
      expect(count(table, recent.id)).toBe(1);
    }
  });

  it('runs on the one retention schedule with the attendance, at start and daily', () => {
    const { db, old, recent, count } = seed();
    const time = simulatedTime('2030-01-20T00:00:00.000Z');
    const retention = createAttendanceRetention({
      repository: createAttendanceRepository(db),
      days: () => 30,
      clock: time.clock,
      timers: time.timers,
      log: createMemoryLogger(),
      changed: () => undefined,
      alsoForget: (before) => forgetScorecards(db, before),
    });
    retention.prune();
    expect(count('scorecards', old.id)).toBe(1);
    time.run(Date.parse('2030-02-01T00:00:00.000Z') + day);
    expect(count('scorecards', old.id)).toBe(0);
    expect(count('panel_forms', old.id)).toBe(0);
    expect(count('scorecards', recent.id)).toBe(1);
    retention.dispose();
  });
});
