import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import {
  createInterviewRepository,
  type InterviewRepository,
  type ScheduleWindow,
} from '../../../main/database/interview-repository';
import { searchText } from '../../../main/database/search-text';
import { reminderDecisions, reminderKey } from '../../../main/reminders/reminder-plan';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';

const now = Date.parse('2030-03-10T14:30:00.000Z');
const todayStartMs = Date.parse('2030-03-10T00:00:00.000+01:00');
const names = ['José Ñúñez', 'Ada Lovelace', 'Grace Hopper', 'Zoë 100% Real', 'Anna_Bell', 'Jo Li'];
const jobs = ['Engineer', 'Support Lead', 'Designer', 'SRE'];

/** A seeded random schedule: starts ±20 days around now (some on the same minute), every length, both statuses, some reminders handled. */
function seeded(count: number, seed: number): Interview[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const startUtc = new Date(now + Math.floor((random() - 0.5) * 40 * 96) * 15 * 60_000).toISOString();
    const durationMinutes = [15, 30, 60, 480][Math.floor(random() * 4)]!;
    const sent = [1440, 60, 0]
      .filter(() => random() < 0.3)
      .map((o) => ({ key: reminderKey('notification', o, startUtc), at: startUtc }));
    if (random() < 0.3) sent.push({ key: reminderKey('email', 1440, startUtc), at: startUtc });
    return makeInterview({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      startUtc,
      durationMinutes,
      candidate: { name: `${names[Math.floor(random() * names.length)]} ${i}`, email: `c${i}@example.com` },
      jobTitle: jobs[Math.floor(random() * jobs.length)]!,
      status: random() < 0.15 ? 'cancelled' : 'scheduled',
      origin: random() < 0.2 ? 'candidate' : 'recruiter',
      reminders: { sent },
    });
  });
}

/** The schedule screen's grouping, as it was computed in memory over the whole list. */
function reference(all: Interview[], window: ScheduleWindow): string[] {
  const q = searchText(window.query);
  const chosen = all.filter((i) => {
    const start = Date.parse(i.startUtc);
    const upcoming = start >= window.todayStartMs || start + i.durationMinutes * 60_000 > window.nowMs;
    return (
      (window.section === 'upcoming') === upcoming &&
      searchText(i.candidate.name, i.candidate.email, i.jobTitle).includes(q)
    );
  });
  const key = (i: Interview) => [Date.parse(i.startUtc), i.id] as const;
  chosen.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1].localeCompare(key(b)[1]));
  if (window.section === 'past') chosen.reverse();
  return chosen.map((i) => i.id);
}

/** Every page of a section, one offset after the other. */
function allPages(repository: InterviewRepository, window: ScheduleWindow, limit: number): string[] {
  const ids: string[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const page = repository.schedulePage(window, ids.length, limit);
    ids.push(...page.map((i) => i.id));
    if (page.length < limit) return ids;
  }
  throw new Error('paging did not end');
}

/** A database at the current schema whose build "lacks" FTS5: the derived index is never built. */
function columnOnlyDatabase(): Database {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  return wrapDatabase(sql, ':memory:');
}

const queries = [
  '',
  'ada',
  'hopper',
  'jo',
  'j',
  'JOSÉ',
  'nunez',
  'ENG',
  'support lead',
  'zoe 100%',
  '100',
  '%',
  '_',
  'anna_b',
  'c1@',
  '"',
  'nobody',
];

describe.each([
  ['FTS5 trigram index', openMemoryDatabase, 'fts5'],
  ['normalised column on its index (no FTS5)', columnOnlyDatabase, 'column'],
] as const)('schedule queries in SQL: %s', (_label, open, mode) => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('pages of each section, offset after offset, are exactly the in-memory grouping, with the same counts, for every search', () => {
    db = open();
    const repository = createInterviewRepository(db);
    expect(repository.searchMode).toBe(mode);
    const all = seeded(700, 11);
    repository.putMany(all);
    let checked = 0;
    for (const query of queries) {
      for (const section of ['upcoming', 'past'] as const) {
        const window = { section, query, todayStartMs, nowMs: now };
        const expected = reference(all, window);
        expect(allPages(repository, window, 37), `${section} “${query}”`).toEqual(expected);
        expect(repository.scheduleCount(window)).toBe(expected.length);
        checked += expected.length;
      }
    }
    expect(checked).toBeGreaterThan(1400);
  });

  it('the search follows every write: a renamed candidate is found by the new name only, a removed one not at all', () => {
    db = open();
    const repository = createInterviewRepository(db);
    const [first, second] = [
      makeInterview({
        startUtc: '2030-03-12T09:00:00.000Z',
        candidate: { name: 'Barbara Liskov', email: 'b@example.com' },
      }),
      makeInterview({
        startUtc: '2030-03-12T10:00:00.000Z',
        candidate: { name: 'Ken Thompson', email: 'k@example.com' },
      }),
    ];
    repository.putMany([first, second]);
    const find = (query: string) => allPages(repository, { section: 'upcoming', query, todayStartMs, nowMs: now }, 10);
    expect(find('liskov')).toEqual([first.id]);
    repository.put({ ...first, candidate: { ...first.candidate, name: 'Barbara Jones' } });
    expect(find('liskov')).toEqual([]);
    expect(find('jones')).toEqual([first.id]);
    repository.remove(first.id);
    expect(find('jones')).toEqual([]);
    expect(find('thompson')).toEqual([second.id]);
    expect(repository.matching([first.id, second.id], 'thom').map((i) => i.id)).toEqual([second.id]);
    expect(repository.matching([first.id, second.id], '').map((i) => i.id)).toEqual([second.id]);
    // A control character in the search box (a NUL ends an FTS5 query early) is a space, never an error.
    expect(find('thomp\u0000son')).toEqual([]);
    expect(find('thompson\u0000')).toEqual([second.id]);
    expect(repository.scheduleCount({ section: 'upcoming', query: '\u0000"\u0007', todayStartMs, nowMs: now })).toBe(0);
  });

  it('the next unfinished interview and the next reminder moment are the ones the whole-list computations find', () => {
    db = open();
    const repository = createInterviewRepository(db);
    const all = seeded(500, 5);
    repository.putMany(all);
    for (const at of [now, now - 86_400_000, now + 3 * 86_400_000]) {
      const unfinished = all
        .filter((i) => i.status === 'scheduled' && Date.parse(i.startUtc) + i.durationMinutes * 60_000 > at)
        .sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc) || a.id.localeCompare(b.id));
      expect(repository.nextUnfinished(at)?.id).toBe(unfinished[0]?.id);
      for (const [offsets, email] of [
        [[1440, 60, 0], true],
        [[15], false],
        [[], true],
        [[60, 60, 5], false],
      ] as const) {
        expect(repository.nextReminderAt([...offsets], email, at), `${offsets.join(',')} ${email}`).toBe(
          reminderDecisions(all, [...offsets], email, at).nextAt,
        );
      }
    }
  });
});

describe('a search that matches thousands walks the start-time index instead of the full-text index', () => {
  it('gives the same rows either way, and reads the covering index for a common word', () => {
    const db = openMemoryDatabase();
    try {
      const repository = createInterviewRepository(db);
      const all = seeded(2600, 21).map((i, n) => ({ ...i, jobTitle: n % 13 === 0 ? 'Designer' : 'Engineer' }));
      repository.putMany(all);
      const seen: string[] = [];
      const prepare = db.prepare.bind(db);
      const watched = createInterviewRepository(
        Object.assign(Object.create(db) as Database, { prepare: (text: string) => (seen.push(text), prepare(text)) }),
      );
      for (const query of ['engineer', 'designer']) {
        for (const section of ['upcoming', 'past'] as const) {
          const window = { section, query, todayStartMs, nowMs: now };
          expect(allPages(watched, window, 97), `${section} ${query}`).toEqual(reference(all, window));
          expect(watched.scheduleCount(window)).toBe(reference(all, window).length);
        }
      }
      const pages = seen.filter((text) => /OFFSET \?/.test(text));
      expect(pages.some((text) => text.includes('LIKE'))).toBe(true);
      expect(pages.some((text) => text.includes('MATCH'))).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('the queries stay on indexes (no scan of the interview records)', () => {
  const plan = (db: Database, sql: string, ...params: (string | number)[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
  it('a page, a search and the next reminder', () => {
    const db = openMemoryDatabase();
    try {
      const repository = createInterviewRepository(db);
      repository.putMany(seeded(50, 3));
      db.exec('ANALYZE');
      // Capture the statements the repository prepares, then read their plans.
      const seen: string[] = [];
      const prepare = db.prepare.bind(db);
      const spy = Object.assign(Object.create(db) as Database, {
        prepare: (text: string) => (seen.push(text), prepare(text)),
      });
      const watched = createInterviewRepository(spy);
      watched.schedulePage({ section: 'past', query: '', todayStartMs, nowMs: now }, 0, 50);
      watched.schedulePage({ section: 'upcoming', query: 'hopper', todayStartMs, nowMs: now }, 0, 50);
      watched.nextReminderAt([60], true, now);
      const [past, search, reminder] = seen.filter((s) => /OFFSET \?|min\(/.test(s));
      expect(plan(db, past!, todayStartMs, now, 50, 0)).toMatch(
        /SEARCH interviews USING COVERING INDEX interviews_by_start_search/,
      );
      expect(plan(db, search!, 0, todayStartMs, now, '"hopper"', 50, 0)).toMatch(/VIRTUAL TABLE INDEX/);
      const reminderPlan = plan(db, reminder!, now, '[{"channel":"notification","value":60}]');
      expect(reminderPlan).toMatch(/SEARCH i USING INDEX interviews_by_status_start \(status=\? AND start_ms>\?\)/);
      expect(reminderPlan).not.toMatch(/SCAN i\b/);
    } finally {
      db.close();
    }
  });
});
