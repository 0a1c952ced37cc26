import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePaths, openDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeInterview } from '../../support/interview-fixtures';
import { fixedClock } from '../../support/fixed-clock';
import { makeTempDir } from '../../support/temp-dir';
import { z } from 'zod';
import { DurableQueue } from '../../../main/database/durable-queue';
import { readRestoreHold } from '../../../main/database/restore-hold';

const day = 24 * 3600_000;

describe('damaged database: moved aside, last good copy restored, never a crash loop', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const clock = fixedClock('2030-01-10T08:00:00.000Z');
  /** An open as a start that succeeded makes it: the last good copy is kept (when due) once the first reads answered. */
  const open = () => {
    const opened = openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
    opened.keepGoodCopy();
    return opened;
  };
  const paths = () => databasePaths(temp.dir);
  const interview = makeInterview({
    startUtc: '2030-01-15T09:00:00.000Z',
    candidate: { name: 'Kept Safe', email: 'kept@example.com' },
  });
  beforeEach(() => {
    temp = makeTempDir();
    clock.set('2030-01-10T08:00:00.000Z');
  });
  afterEach(() => temp.cleanup());

  /** A run that saves the interview, then (a day later, so the daily copy is due) a run that takes the copy. */
  const seedWithBackup = () => {
    const first = open();
    createInterviewRepository(first.database).put(interview);
    first.database.close();
    clock.advance(day + 1);
    open().database.close();
  };

  it('takes no copy while opening: only a start that succeeded keeps one', () => {
    const opened = openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
    createInterviewRepository(opened.database).put(interview);
    expect(fs.existsSync(paths().backup)).toBe(false);
    opened.keepGoodCopy();
    opened.database.close();
    const copy = new DatabaseSync(paths().backup, { readOnly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM interviews').get() as { n: number }).n).toBe(1);
    copy.close();
  });

  it('takes the last good copy at most daily, with VACUUM INTO', () => {
    open().database.close();
    const taken = fs.statSync(paths().backup).mtimeMs;
    clock.advance(3600_000);
    open().database.close();
    expect(fs.statSync(paths().backup).mtimeMs).toBe(taken);
    seedWithBackup();
    const copy = new DatabaseSync(paths().backup, { readOnly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM interviews').get() as { n: number }).n).toBe(1);
    copy.close();
  });

  it('a file that is not a database: moved aside with its -wal and -shm, the copy restored, a plain notice', () => {
    seedWithBackup();
    fs.writeFileSync(paths().file, 'this is not a database '.repeat(200));
    fs.writeFileSync(`${paths().file}-wal`, 'junk');
    clock.advance(1000);
    const { database, notices } = open();
    try {
      expect(createInterviewRepository(database).get(interview.id)?.candidate.name).toBe('Kept Safe');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ level: 'warning' });
      expect(notices[0]!.message).toMatch(
        /Your data file was damaged, so Interview Desk restored the last good copy \(saved .*\)\. The damaged file was kept as interview-desk\.damaged-.*\.sqlite\./,
      );
      const aside = fs.readdirSync(temp.dir).filter((f) => f.startsWith('interview-desk.damaged-'));
      expect(aside.sort()).toEqual([
        expect.stringMatching(/\.sqlite$/),
        expect.stringMatching(/\.sqlite-shm$/),
        expect.stringMatching(/\.sqlite-wal$/),
      ]);
      expect(
        fs.readFileSync(
          path.join(
            temp.dir,
            aside.find((f) => f.endsWith('-wal'))!,
          ),
          'utf8',
        ),
      ).toBe('junk');
    } finally {
      database.close();
    }
    // The next start is a normal one: no loop, no notice.
    expect(open().notices).toEqual([]);
  });

  it('a restored copy is marked held: its waiting mail stays out of drains until the person decides, across opens', () => {
    const first = open();
    createInterviewRepository(first.database).put(interview);
    const mail = new DurableQueue(first.database, 'mail', z.object({ kind: z.string() }), () => clock.now());
    const waiting = mail.add(interview.id, { kind: 'invitation' });
    first.database.close();
    clock.advance(day + 1);
    const second = open();
    expect(readRestoreHold(second.database)).toBeUndefined();
    second.database.close();
    fs.writeFileSync(paths().file, 'this is not a database '.repeat(200));
    clock.advance(1000);
    const restored = open();
    try {
      expect(readRestoreHold(restored.database)).toEqual({
        restoredAt: clock.now(),
        upToSeq: waiting.seq,
        calendarRead: false,
        changed: [],
      });
      const queue = new DurableQueue(restored.database, 'mail', z.object({ kind: z.string() }), () => clock.now());
      expect(queue.batch({ afterSeq: 0, limit: 10, now: clock.now() })).toEqual([]);
      expect(queue.nextNotBefore()).toBeUndefined();
    } finally {
      restored.database.close();
    }
    const again = open();
    expect(readRestoreHold(again.database)?.upToSeq).toBe(waiting.seq);
    again.database.close();
  });

  it("the last good copy put back by hand (the README's way) is held the same way; a file changed otherwise is not", () => {
    const first = open();
    createInterviewRepository(first.database).put(interview);
    const waiting = new DurableQueue(first.database, 'mail', z.object({ kind: z.string() }), () => clock.now()).add(
      interview.id,
      { kind: 'invitation' },
    );
    first.database.close();
    clock.advance(day + 1);
    open().database.close();
    // Changed outside the app, but not the copy: opened as it is.
    fs.utimesSync(paths().file, new Date(), new Date(Date.now() + 5000));
    clock.advance(1000);
    const touched = open();
    expect(touched.check).toBe('full');
    expect(readRestoreHold(touched.database)).toBeUndefined();
    touched.database.close();
    fs.copyFileSync(paths().backup, paths().file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(paths().file + suffix, { force: true });
    const restored = open();
    try {
      expect(restored.notices).toEqual([]);
      expect(readRestoreHold(restored.database)).toMatchObject({ upToSeq: waiting.seq, calendarRead: false });
    } finally {
      restored.database.close();
    }
  });

  it('the very first copy put back by hand (it carries no stamp of a copy before it) is held too', () => {
    // The first start's copy is taken before anything was scheduled; what was queued since is not in it.
    const first = open();
    createInterviewRepository(first.database).put(interview);
    new DurableQueue(first.database, 'mail', z.object({ kind: z.string() }), () => clock.now()).add(interview.id, {
      kind: 'invitation',
    });
    first.database.close();
    expect(fs.existsSync(paths().backup)).toBe(true);
    fs.copyFileSync(paths().backup, paths().file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(paths().file + suffix, { force: true });
    fs.utimesSync(paths().file, new Date(), new Date(Date.now() + 5000));
    clock.advance(1000);
    const restored = open();
    try {
      // Held: Calendar changes wait for a full read of Google Calendar, in which Google wins.
      expect(readRestoreHold(restored.database)).toMatchObject({ upToSeq: 0, calendarRead: false });
      expect(restored.database.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 0 });
    } finally {
      restored.database.close();
    }
  });

  it('damage inside the file (pages overwritten) is found by quick_check and handled the same way', () => {
    const first = open();
    createInterviewRepository(first.database).putMany(
      Array.from({ length: 300 }, (_, i) =>
        makeInterview({
          startUtc: new Date(Date.parse('2030-02-01T00:00:00Z') + i * 3600_000).toISOString(),
          notes: 'x'.repeat(500),
        }),
      ),
    );
    first.database.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    first.database.close();
    const size = fs.statSync(paths().file).size;
    const fd = fs.openSync(paths().file, 'r+');
    // Keep the header (page 1) intact, scribble over pages in the middle.
    fs.writeSync(fd, Buffer.alloc(16_384, 0x5a), 0, 16_384, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const { database, notices } = open();
    try {
      expect(notices[0]?.message).toMatch(/damaged/);
      expect(database.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
    } finally {
      database.close();
    }
  });

  it('without a good copy it starts empty and says so loudly, keeping the damaged file', () => {
    fs.writeFileSync(paths().file, 'garbage '.repeat(100));
    const { database, notices } = open();
    try {
      expect(createInterviewRepository(database).count()).toBe(0);
      expect(notices[0]).toMatchObject({ level: 'error' });
      expect(notices[0]!.message).toMatch(/no good backup was found, so Interview Desk started with an empty schedule/);
      expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(true);
    } finally {
      database.close();
    }
  });

  it('a damaged copy too: starts empty with the loud notice, both files kept', () => {
    seedWithBackup();
    fs.writeFileSync(paths().file, 'garbage '.repeat(100));
    fs.writeFileSync(paths().backup, 'also garbage '.repeat(100));
    const { database, notices } = open();
    database.close();
    expect(notices[0]).toMatchObject({ level: 'error' });
    expect(fs.existsSync(paths().backup)).toBe(true);
    expect(fs.readdirSync(temp.dir).filter((f) => f.startsWith('interview-desk.damaged-'))).toHaveLength(1);
    expect(path.basename(paths().file)).toBe('interview-desk.sqlite');
  });
});

describe('the whole-file check runs after an unclean exit or a change from outside, at least daily, and not on every open', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const clock = fixedClock('2030-01-10T08:00:00.000Z');
  /** An open as a start that succeeded makes it: the last good copy is kept (when due) once the first reads answered. */
  const open = () => {
    const opened = openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
    opened.keepGoodCopy();
    return opened;
  };
  const paths = () => databasePaths(temp.dir);
  beforeEach(() => {
    temp = makeTempDir();
    clock.set('2030-01-10T08:00:00.000Z');
  });
  afterEach(() => temp.cleanup());

  /** Overwrites pages in the middle of the file, keeping the header (page 1) intact. */
  const scribble = () => {
    const size = fs.statSync(paths().file).size;
    const fd = fs.openSync(paths().file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16_384, 0x5a), 0, 16_384, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
  };
  const seed = () => {
    const first = open();
    expect(first.check).toBe('full');
    createInterviewRepository(first.database).putMany(
      Array.from({ length: 300 }, (_, i) =>
        makeInterview({
          startUtc: new Date(Date.parse('2030-02-01T00:00:00Z') + i * 3600_000).toISOString(),
          notes: 'x'.repeat(500),
        }),
      ),
    );
    return first.database;
  };

  it('after a clean exit the next open within a day reads only the header and schema; a day later it checks the whole file', () => {
    seed().close();
    clock.advance(3600_000);
    const second = open();
    expect(second.check).toBe('cheap');
    expect(createInterviewRepository(second.database).count()).toBe(300);
    second.database.close();
    clock.advance(day);
    const third = open();
    expect(third.check).toBe('full');
    third.database.close();
  });

  it('after an unclean exit (the process killed with the database open) the whole file is checked, and damage is found', () => {
    const database = seed();
    database.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    // Killed here: the connection is never closed, so no clean exit is recorded.
    scribble();
    clock.advance(60_000);
    const { database: reopened, notices, check } = open();
    try {
      expect(check).toBe('full');
      expect(notices[0]?.message).toMatch(/damaged/);
      expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(true);
    } finally {
      reopened.close();
      database.close();
    }
  });

  it('a file changed by something else after a clean exit (same size) is checked in full, and damage is found', () => {
    seed().close();
    scribble();
    clock.advance(60_000);
    const { database, notices, check } = open();
    try {
      expect(check).toBe('full');
      expect(notices[0]?.message).toMatch(/damaged/);
    } finally {
      database.close();
    }
  });
});
