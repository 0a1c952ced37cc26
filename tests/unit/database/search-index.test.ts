import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePaths, openDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeInterview } from '../../support/interview-fixtures';
import { fixedClock } from '../../support/fixed-clock';
import { makeTempDir } from '../../support/temp-dir';

const window = {
  section: 'upcoming' as const,
  todayStartMs: Date.parse('2030-01-10T00:00:00.000Z'),
  nowMs: Date.parse('2030-01-10T08:00:00.000Z'),
};

describe('the search index is derived: whatever part of it is left, an open rebuilds all of it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const clock = fixedClock('2030-01-10T08:00:00.000Z');
  const open = () => openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
  beforeEach(() => {
    temp = makeTempDir();
    const first = open();
    createInterviewRepository(first.database).put(
      makeInterview({
        startUtc: '2030-01-15T09:00:00.000Z',
        candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
      }),
    );
    first.database.close();
  });
  afterEach(() => temp.cleanup());

  /** Changes the file behind the app's back, as another tool or an older build could. */
  const tamper = (sql: string) => {
    const raw = new DatabaseSync(databasePaths(temp.dir).file);
    raw.exec(sql);
    raw.close();
  };
  const indexObjects = () => {
    const raw = new DatabaseSync(databasePaths(temp.dir).file);
    const names = (
      raw
        .prepare(
          "SELECT name FROM sqlite_schema WHERE name = 'interviews_fts' OR (type = 'trigger' AND name LIKE 'interviews_fts%') ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    raw.close();
    return names;
  };

  it.each([
    [
      'the table without its triggers',
      'DROP TRIGGER interviews_fts_insert; DROP TRIGGER interviews_fts_update; DROP TRIGGER interviews_fts_delete',
    ],
    ['the triggers without their table', 'DROP TABLE interviews_fts'],
    ['one trigger missing', 'DROP TRIGGER interviews_fts_insert'],
    [
      "a trigger that is not this build's",
      'DROP TRIGGER interviews_fts_update; CREATE TRIGGER interviews_fts_update AFTER UPDATE ON interviews BEGIN SELECT 1; END; DELETE FROM interviews_fts',
    ],
  ])('%s: the open succeeds, the index is whole and finds the rows, old and new', (_state, sql) => {
    tamper(sql);
    const opened = open();
    try {
      expect(opened.search).toBe('fts5');
      const repository = createInterviewRepository(opened.database);
      expect(repository.schedulePage({ ...window, query: 'opper' }, 0, 10).map((i) => i.candidate.name)).toEqual([
        'Grace Hopper',
      ]);
      repository.put(
        makeInterview({
          startUtc: '2030-01-16T09:00:00.000Z',
          candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
        }),
      );
      expect(repository.schedulePage({ ...window, query: 'ovela' }, 0, 10).map((i) => i.candidate.name)).toEqual([
        'Ada Lovelace',
      ]);
    } finally {
      opened.database.close();
    }
    expect(indexObjects()).toEqual([
      'interviews_fts',
      'interviews_fts_delete',
      'interviews_fts_insert',
      'interviews_fts_update',
    ]);
  });
});
