import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentDatabaseVersion,
  databaseVersion,
  migrateDatabase,
  NewerDatabaseError,
  schemaSteps,
} from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase } from '../../../main/database/database';
import { openDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { GoogleQueue } from '../../../main/google/calendar/google-queue';
import { createSyncState } from '../../../main/database/sync-state';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeTempDir } from '../../support/temp-dir';

/** The fixture of schema version `v`: SQL as that version wrote it, with data. */
const fixture = (v: number) => path.resolve(`tests/fixtures/database/v${v}.sql`);

/** The schema as SQLite keeps it, whitespace-normalised, so two databases can be compared. */
const schemaOf = (sql: DatabaseSync) =>
  (
    sql
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Record<string, string | null>[]
  ).map((r) => ({
    ...r,
    sql: r.sql?.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')') ?? null,
  }));
const tables = (sql: DatabaseSync) =>
  (
    sql.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
const counts = (sql: DatabaseSync) =>
  Object.fromEntries(
    tables(sql).map((t) => [t, Number((sql.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n)]),
  );

describe('database migration ladder (PRAGMA user_version)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let open: DatabaseSync[];
  const fromFixture = (v: number) => {
    const sql = new DatabaseSync(path.join(temp.dir, `from-v${v}-${open.length}.sqlite`));
    open.push(sql);
    sql.exec(fs.readFileSync(fixture(v), 'utf8'));
    applyPragmas(sql, 'file');
    return sql;
  };
  beforeEach(() => {
    temp = makeTempDir();
    open = [];
  });
  afterEach(() => {
    open.forEach((s) => s.isOpen && s.close());
    temp.cleanup();
  });

  // One case per step: adding step N+1 (and its "before" fixture, vN.sql) is all the next version needs.
  for (const step of schemaSteps) {
    it(`step ${step.to - 1}→${step.to} (${step.describe}) from the v${step.to - 1} fixture keeps every row`, () => {
      expect(
        fs.existsSync(fixture(step.to - 1)),
        `tests/fixtures/database/v${step.to - 1}.sql is the fixture this step starts from`,
      ).toBe(true);
      const sql = fromFixture(step.to - 1);
      expect(databaseVersion(sql)).toBe(step.to - 1);
      const before = counts(sql);
      expect(migrateDatabase(sql, { target: step.to })).toHaveLength(1);
      expect(databaseVersion(sql)).toBe(step.to);
      for (const [table, n] of Object.entries(before)) expect(counts(sql)[table], table).toBeGreaterThanOrEqual(n);
      expect(sql.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
      expect(sql.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    });
  }

  it('the fixture of the newest version is exactly what the ladder builds (so the next step has its starting point)', () => {
    const built = fromFixture(0);
    migrateDatabase(built);
    const newest = fromFixture(currentDatabaseVersion);
    expect(databaseVersion(newest)).toBe(currentDatabaseVersion);
    expect(schemaOf(newest)).toEqual(schemaOf(built));
  });

  it('the newest fixture reads back through the repositories: interview, joins, deliveries, marks, queues, sync token', () => {
    const db = wrapDatabase(fromFixture(currentDatabaseVersion), 'fixture');
    const [interview] = createInterviewRepository(db).all();
    expect(interview).toMatchObject({
      id: '4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d',
      candidate: { name: 'Ada Lovelace', timeZone: 'Asia/Kolkata' },
      joins: [{ joinedAt: '2030-01-13T08:58:00.000Z', leftAt: '2030-01-13T09:55:00.000Z', via: 'app' }],
      candidateMessage: 'Please bring your portfolio',
      google: { unusableMeetLink: true },
      invitations: {
        candidate: { state: 'sent', kind: 'update' },
        recruiter: { state: 'queued', kind: 'update', reason: 'Retrying: Mailbox busy' },
      },
      reminders: { sent: [{ key: 'notification:1440@2030-01-13T09:00:00.000Z' }], armedAt: '2030-01-12T08:00:00.000Z' },
    });
    expect(createInterviewRepository(db).timingsBetween(0, Number.MAX_SAFE_INTEGER)).toEqual([
      {
        id: interview!.id,
        status: 'scheduled',
        startUtc: '2030-01-13T09:00:00.000Z',
        origin: 'recruiter',
        createdAt: '2030-01-10T08:00:00.000Z',
        reminders: {
          sent: [{ key: 'notification:1440@2030-01-13T09:00:00.000Z' }],
          armedAt: '2030-01-12T08:00:00.000Z',
        },
        invitations: { candidate: { at: '2030-01-12T08:00:05.000Z' } },
      },
    ]);
    expect(new GoogleQueue(db, () => Date.parse('2030-01-12T08:00:00.000Z')).all()).toMatchObject([
      { op: 'relink', interviewId: interview!.id },
    ]);
    expect(createSyncState(db).get('googleSyncToken')).toBe('sync-token-1');
  });

  it('refuses a database from a newer version, leaving it as it is', () => {
    const file = path.join(temp.dir, 'interview-desk.sqlite');
    const sql = new DatabaseSync(file);
    sql.exec('CREATE TABLE future (x); PRAGMA user_version = 99');
    sql.close();
    expect(() => openDatabase({ dataDir: temp.dir, clock: { now: () => 0 }, log: createMemoryLogger() })).toThrow(
      NewerDatabaseError,
    );
    const again = new DatabaseSync(file);
    open.push(again);
    expect(databaseVersion(again)).toBe(99);
    expect(fs.readdirSync(temp.dir).some((f) => f.includes('damaged'))).toBe(false);
  });

  it('copies the database before it upgrades an older one, and the copy opens at the older version', () => {
    const file = path.join(temp.dir, 'interview-desk.sqlite');
    const older = new DatabaseSync(file);
    older.exec(fs.readFileSync(fixture(currentDatabaseVersion), 'utf8'));
    older.close();
    // The next version, as its author would add it: one step.
    const next = {
      to: currentDatabaseVersion + 1,
      describe: 'a column for a test',
      up: (s: DatabaseSync) => s.exec('ALTER TABLE interviews ADD COLUMN test_only TEXT'),
    };
    schemaSteps.push(next);
    try {
      const { database, notices } = openDatabase({
        dataDir: temp.dir,
        clock: { now: () => 0 },
        log: createMemoryLogger(),
      });
      expect(notices).toEqual([]);
      expect(database.prepare('PRAGMA user_version').get()).toEqual({ user_version: next.to });
      expect(createInterviewRepository(database).count()).toBe(1);
      database.close();
    } finally {
      schemaSteps.pop();
    }
    const copy = new DatabaseSync(path.join(temp.dir, `interview-desk.before-v${currentDatabaseVersion}.sqlite`), {
      readOnly: true,
    });
    open.push(copy);
    expect(databaseVersion(copy)).toBe(currentDatabaseVersion);
    expect(copy.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 1 });
    expect(
      (
        fs.statSync(path.join(temp.dir, `interview-desk.before-v${currentDatabaseVersion}.sqlite`)).mode & 0o777
      ).toString(8),
    ).toBe('600');
  });

  it('a step that fails rolls back to the version before it', () => {
    const sql = fromFixture(0);
    const broken = {
      to: 1,
      describe: 'broken',
      up: (s: DatabaseSync) => s.exec('CREATE TABLE half (x); SELECT no_such_function()'),
    };
    const [real] = schemaSteps.splice(0, 1, broken);
    try {
      expect(() => migrateDatabase(sql)).toThrow(/no_such_function/);
    } finally {
      schemaSteps.splice(0, 1, real!);
    }
    expect(databaseVersion(sql)).toBe(0);
    expect(tables(sql)).toEqual([]);
  });
});

describe('step 2→3 (the schedule and analytics columns)', () => {
  it('fills the job title column from each stored record, and the full-text index is built at open from the search column', () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'interview-desk.sqlite');
      const older = new DatabaseSync(file);
      older.exec(fs.readFileSync(fixture(2), 'utf8'));
      older.close();
      const { database, search } = openDatabase({
        dataDir: temp.dir,
        clock: { now: () => 0 },
        log: createMemoryLogger(),
      });
      try {
        expect(database.prepare('SELECT job_title FROM interviews').all()).toEqual([{ job_title: 'Engineer' }]);
        expect(search).toBe('fts5');
        const repository = createInterviewRepository(database);
        expect(
          repository
            .schedulePage(
              {
                section: 'past',
                query: 'lovelace',
                todayStartMs: Date.parse('2031-01-01'),
                nowMs: Date.parse('2031-01-01'),
              },
              0,
              10,
            )
            .map((i) => i.candidate.name),
        ).toEqual(['Ada Lovelace']);
      } finally {
        database.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});
