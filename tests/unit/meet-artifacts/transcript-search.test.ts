import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createInterviewQueries } from '../../../main/interviews/interview-queries';
import { createArtifactRepository } from '../../../main/meet-artifacts/artifact-repository';
import { createTranscriptSearch } from '../../../main/meet-artifacts/transcript-search';
import { spokenQuery } from '../../../main/meet-artifacts/transcript-search-query';
import type { SpokenLine } from '../../../preload/shared/contract/ipc-contract';
import { makeInterview } from '../../support/interview-fixtures';
import { fixedClock } from '../../support/fixed-clock';
import { insertTranscriptEntries } from '../../support/transcript-seed';

const nowMs = Date.parse('2030-01-20T12:00:00.000Z');
const window = (query: string, section: 'upcoming' | 'past' = 'past') => ({
  section,
  query,
  todayStartMs: Date.parse('2030-01-20T00:00:00.000Z'),
  nowMs,
});

/** The app's read side over a fresh database with the transcript search composed in, as compose-services does. */
function setUp(options: Parameters<typeof createTranscriptSearch>[1] = {}) {
  const db = openMemoryDatabase();
  const transcripts = createTranscriptSearch(db, options);
  const repository = createInterviewRepository(db, { alsoSearch: transcripts });
  const queries = createInterviewQueries({
    repository,
    clock: fixedClock('2030-01-20T12:00:00.000Z'),
    spokenLines: transcripts.lines,
  });
  const interview = (id: string, name: string, day: number, jobTitle = 'Engineer') => {
    const made = makeInterview({
      id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
      startUtc: `2030-01-${String(day).padStart(2, '0')}T13:00:00.000Z`,
      candidate: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` },
      jobTitle,
    });
    repository.put(made);
    return made.id;
  };
  return { db, transcripts, repository, queries, interview };
}

/** A line as a person reads it: "Tara: …built and ran [kubernetes operators]…". */
const read = (line: SpokenLine | undefined) =>
  line && `${line.speaker}: ${line.parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')}`;

describe('the schedule search finds interviews by words said in their transcripts', () => {
  it('finds the interview and shows the earliest matching line, its speaker and the matched words', () => {
    const { db, queries, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    interview('2', 'Bob Other', 16);
    insertTranscriptEntries(db, tara, [
      { speaker: 'Rita Recruiter', text: 'Tell me about your last project.' },
      { speaker: 'Tara Singh', text: 'At my last job we built and ran Kubernetes operators for the billing team.' },
      { speaker: 'Tara Singh', text: 'Later we also built and ran Kubernetes operators for search.' },
    ]);
    const rows = queries.page(window('kubernetes operators'), 0, 10);
    expect(rows.map((r) => r.candidateName)).toEqual(['Tara Singh']);
    expect(read(rows[0]!.spoken)).toBe(
      'Tara Singh: At my last job we built and ran [Kubernetes operators] for the billing team.',
    );
    expect(queries.count(window('kubernetes operators'))).toBe(1);
  });

  it('finds a word while it is typed, without accents or case, and only whole phrases in order', () => {
    const { db, queries, interview } = setUp();
    const id = interview('1', 'Tara Singh', 15);
    insertTranscriptEntries(db, id, [
      { speaker: 'Tara Singh', text: 'I worked with José on Ñandú, the payments API.' },
    ]);
    const names = (q: string) => queries.page(window(q), 0, 10).map((r) => r.candidateName);
    expect(names('kubern')).toEqual([]);
    expect(names('nand')).toEqual(['Tara Singh']);
    expect(names('WITH JOSE')).toEqual(['Tara Singh']);
    expect(names('jose with')).toEqual([]);
    expect(read(queries.page(window('payments ap'), 0, 10)[0]!.spoken)).toBe(
      'Tara Singh: I worked with José on Ñandú, the [payments API].',
    );
  });

  it('keeps a search for a name exactly as it was: a row found by name has no line, even if the name was said', () => {
    const { db, queries, interview } = setUp();
    const ada = interview('1', 'Ada Lovelace', 15);
    const bob = interview('2', 'Bob Other', 16);
    insertTranscriptEntries(db, ada, [{ speaker: 'Rita Recruiter', text: 'Welcome Ada, thanks for joining.' }]);
    insertTranscriptEntries(db, bob, [{ speaker: 'Bob Other', text: 'I was referred by Ada Lovelace herself.' }]);
    const rows = queries.page(window('lovelace'), 0, 10);
    // One row each, newest first (past): Bob by what he said, Ada by her name alone.
    expect(rows.map((r) => [r.candidateName, read(r.spoken)])).toEqual([
      ['Bob Other', 'Bob Other: I was referred by Ada [Lovelace] herself.'],
      ['Ada Lovelace', undefined],
    ]);
  });

  it('counts and pages an interview found by name and by words said as one row, in both sections', () => {
    const { db, queries, interview } = setUp();
    const ids: string[] = [];
    for (let day = 1; day <= 25; day++) {
      const id = interview(String(day), day % 3 === 0 ? `Kube Fan ${day}` : `Person ${day}`, day);
      ids.push(id);
      if (day % 2 === 0)
        insertTranscriptEntries(db, id, [
          { speaker: 'Rita', text: 'Do you know kubernetes?' },
          { speaker: 'Them', text: 'Yes, kubernetes every day.' },
        ]);
    }
    // Found by name (every third day) or by words (every second day): 1..25 → 3,6,9,…,24 ∪ 2,4,…,24.
    const expected = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((d) => d % 2 === 0 || d % 3 === 0);
    const past = expected(1, 19).reverse();
    const upcoming = expected(20, 25);
    expect(queries.count(window('kube', 'past'))).toBe(past.length);
    expect(queries.count(window('kube', 'upcoming'))).toBe(upcoming.length);
    const pages = [0, 3, 6, 9].flatMap((offset) => queries.page(window('kube', 'past'), offset, 3));
    expect(pages.map((r) => Number(r.id.slice(-12)))).toEqual(past);
    expect(queries.page(window('kube', 'upcoming'), 0, 50).map((r) => Number(r.id.slice(-12)))).toEqual(upcoming);
    // Day 6 matched both ways: its name explains it, so no line; day 4 by words only.
    const byDay = new Map(pages.map((r) => [Number(r.id.slice(-12)), r]));
    expect(byDay.get(6)!.spoken).toBeUndefined();
    expect(read(byDay.get(4)!.spoken)).toBe('Rita: Do you know [kubernetes]?');
  });

  it('reads the same lines within a page’s span of entries as from all of them (a word said very often)', () => {
    const lines = (probeCounts: number[]) => {
      const { db, queries, interview } = setUp({ probeCounts });
      for (let day = 1; day <= 6; day++) {
        const id = interview(String(day), `Person ${day}`, day);
        insertTranscriptEntries(db, id, [
          { speaker: 'Rita', text: `Question ${day}?` },
          { speaker: `Person ${day}`, text: `Yeah, answer ${day}.` },
          { speaker: `Person ${day}`, text: 'Yeah again.' },
        ]);
      }
      return [0, 2, 4].flatMap((offset) => queries.page(window('yeah'), offset, 2)).map((r) => read(r.spoken));
    };
    expect(lines([])).toEqual(lines([1]));
    expect(lines([])).toEqual(lines([1, 1]));
    expect(lines([])).toEqual(lines([12]));
    expect(lines([])).toEqual([6, 5, 4, 3, 2, 1].map((d) => `Person ${d}: [Yeah], answer ${d}.`));
  });

  it('shows the line said first, not the one stored first, however far apart the entries were stored', () => {
    for (const probeCounts of [[], [1], [12]]) {
      const { db, queries, interview } = setUp({ probeCounts });
      const tara = interview('1', 'Tara Singh', 15);
      const bob = interview('2', 'Bob Other', 16);
      insertTranscriptEntries(
        db,
        tara,
        [{ speaker: 'Tara Singh', text: 'Later: erlang again.' }],
        '2030-01-15T13:30:00.000Z',
      );
      insertTranscriptEntries(
        db,
        bob,
        Array.from({ length: 5 }, () => ({ speaker: 'Bob Other', text: 'Erlang, yes.' })),
      );
      insertTranscriptEntries(
        db,
        tara,
        [{ speaker: 'Tara Singh', text: 'First: erlang.' }],
        '2030-01-15T13:05:00.000Z',
      );
      expect(
        queries.page(window('erlang'), 0, 10).map((r) => read(r.spoken)),
        String(probeCounts),
      ).toEqual(['Bob Other: [Erlang], yes.', 'Tara Singh: First: [erlang].']);
    }
  });

  it('refreshes changed rows (byIds) with their line, and drops those that no longer match', () => {
    const { db, queries, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    const bob = interview('2', 'Bob Other', 16);
    const [entry] = insertTranscriptEntries(db, tara, [
      { speaker: 'Tara Singh', text: 'We shipped a terraform module.' },
    ]);
    expect(queries.byIds([tara, bob], 'terraform').map((r) => read(r.spoken))).toEqual([
      'Tara Singh: We shipped a [terraform] module.',
    ]);
    db.prepare('UPDATE transcript_entries SET text = ? WHERE id = ?').run('We shipped a pulumi stack.', entry!);
    expect(queries.byIds([tara, bob], 'terraform')).toEqual([]);
    expect(queries.byIds([tara], 'pulumi').map((r) => r.candidateName)).toEqual(['Tara Singh']);
  });

  it('stays in step with every write: new entries, removed entries, a removed interview', () => {
    const { db, repository, queries, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    const found = (q: string) => queries.page(window(q), 0, 10).map((r) => r.candidateName);
    const [first] = insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'I like graphql a lot.' }]);
    expect(found('graphql')).toEqual(['Tara Singh']);
    db.prepare('DELETE FROM transcript_entries WHERE id = ?').run(first!);
    expect(found('graphql')).toEqual([]);
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'And rust, since last year.' }]);
    expect(found('rust since')).toEqual(['Tara Singh']);
    repository.remove(tara);
    expect(db.prepare('SELECT count(*) AS n FROM transcript_entries').get()).toEqual({ n: 0 });
    expect(found('rust since')).toEqual([]);
    // The index holds nothing of the removed entries (FTS5's own check against the entries).
    expect(() => db.exec("INSERT INTO transcript_fts (transcript_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('does not look through transcripts for a search under three characters', () => {
    const { db, queries, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'go is nice' }]);
    expect(queries.page(window('go'), 0, 10)).toEqual([]);
  });

  it('treats quotes, operators and column filters as words, never as FTS5 syntax', () => {
    const { db, queries, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    insertTranscriptEntries(db, tara, [
      { speaker: 'Tara Singh', text: 'I said "NEAR" and OR, then text: AND NOT * ^ done.' },
    ]);
    const names = (q: string) => queries.page(window(q), 0, 10).map((r) => r.candidateName);
    for (const q of ['"near" and or', 'text: AND NOT', 'OR, then', 'NEAR(and or)', '* ^ done'])
      expect(names(q), q).toEqual(['Tara Singh']);
    for (const q of ['"', '***', 'texts:', '((', 'NOT NOT', '^^^']) expect(names(q), q).toEqual([]);
  });
});

describe('the transcript index is derived: built at start, rebuilt whole when any part is off', () => {
  it.each([
    [
      'nothing there yet (entries written before)',
      'DROP TRIGGER transcript_fts_insert; DROP TRIGGER transcript_fts_update; DROP TRIGGER transcript_fts_delete; DROP TABLE transcript_fts',
    ],
    ['one trigger missing', 'DROP TRIGGER transcript_fts_delete'],
    [
      "a trigger that is not this build's",
      "DROP TRIGGER transcript_fts_insert; CREATE TRIGGER transcript_fts_insert AFTER INSERT ON transcript_entries BEGIN SELECT 1; END; INSERT INTO transcript_fts (transcript_fts) VALUES ('delete-all')",
    ],
  ])('%s: the next start finds what was said before and after', (_state, tamper) => {
    const { db, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    db.exec(tamper);
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'Elixir and erlang mostly.' }]);
    const again = createTranscriptSearch(db);
    expect(again.available).toBe(true);
    expect([...again.lines([tara], 'erlang').keys()]).toEqual([tara]);
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'Some haskell too.' }]);
    expect([...again.lines([tara], 'haskell').keys()]).toEqual([tara]);
    expect(() => db.exec("INSERT INTO transcript_fts (transcript_fts) VALUES ('integrity-check')")).not.toThrow();
  });
});

describe('the index of each interview’s text finds the interviews the entries say', () => {
  /** Which interviews the entries' own index says hold a search: what the interviews' index must answer. */
  const saidInEntries = (db: ReturnType<typeof setUp>['db'], query: string) =>
    (
      db
        .prepare(
          `SELECT DISTINCT e.interview_id AS id FROM transcript_fts JOIN transcript_entries e ON e.id = transcript_fts.rowid
           WHERE transcript_fts MATCH ? ORDER BY 1`,
        )
        .all(spokenQuery(query)!) as { id: string }[]
    ).map((r) => r.id);
  /** Which interviews the schedule's search finds by what was said (the interviews' index). */
  const found = (transcripts: ReturnType<typeof setUp>['transcripts'], query: string) =>
    (JSON.parse(transcripts.condition(query)!.param) as string[]).sort();

  it('never runs a phrase from one entry into the next', () => {
    const { db, transcripts, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    insertTranscriptEntries(db, tara, [
      { speaker: 'Rita', text: 'What did you build' },
      { speaker: 'Tara Singh', text: 'operators mostly.' },
    ]);
    expect(found(transcripts, 'build operators')).toEqual([]);
    expect(found(transcripts, 'you build')).toEqual([tara]);
    expect(found(transcripts, 'build')).toEqual([tara]);
    // The mark between entries is no word a search can hold.
    expect(transcripts.condition('\uE000\uE000\uE000')).toBeUndefined();
    expect(found(transcripts, 'build \uE000 operators')).toEqual([]);
  });

  it('stays in step with every write: entries added, changed, removed, forgotten, and a removed interview', () => {
    const { db, transcripts, repository, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    const bob = interview('2', 'Bob Other', 16);
    const check = (query: string, expected: string[]) => {
      expect(found(transcripts, query), query).toEqual([...expected].sort());
      expect(saidInEntries(db, query), query).toEqual([...expected].sort());
    };
    const [first] = insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'Mostly elixir.' }]);
    check('elixir', [tara]);
    insertTranscriptEntries(db, bob, [{ speaker: 'Bob Other', text: 'Elixir, then erlang.' }]);
    check('elixir', [tara, bob]);
    db.prepare('UPDATE transcript_entries SET text = ? WHERE id = ?').run('Mostly haskell.', first!);
    check('elixir', [bob]);
    check('haskell', [tara]);
    db.prepare('DELETE FROM transcript_entries WHERE id = ?').run(first!);
    check('haskell', []);
    repository.remove(bob);
    check('elixir', []);
    expect(db.prepare('SELECT count(*) AS n FROM transcript_said').get()).toEqual({ n: 0 });
    // The Meet-artifacts cleanup after the retention period forgets what was read, texts included.
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'Some clojure too.' }]);
    check('clojure', [tara]);
    expect(createArtifactRepository(db).forget(Date.parse('2031-01-01T00:00:00.000Z'))).toEqual([tara]);
    check('clojure', []);
  });

  it.each([
    [
      'nothing there yet',
      'DROP TRIGGER transcript_said_insert; DROP TABLE transcript_said_fts; DROP TABLE transcript_said',
    ],
    ['one trigger missing', 'DROP TRIGGER transcript_said_update'],
    ['its table of texts missing', 'DROP TABLE transcript_said'],
    [
      'its index of stale texts changed',
      'DROP INDEX transcript_said_stale; CREATE INDEX transcript_said_stale ON transcript_said (id)',
    ],
  ])('%s: the next start rebuilds it whole, finding what was said before and after', (_state, tamper) => {
    const { db, interview } = setUp();
    const tara = interview('1', 'Tara Singh', 15);
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'Elixir and erlang mostly.' }]);
    db.exec(tamper);
    const again = createTranscriptSearch(db);
    expect(found(again, 'erlang')).toEqual([tara]);
    insertTranscriptEntries(db, tara, [{ speaker: 'Tara Singh', text: 'Some haskell too.' }]);
    expect(found(again, 'haskell')).toEqual([tara]);
    expect(() =>
      db.exec("INSERT INTO transcript_said_fts (transcript_said_fts) VALUES ('integrity-check')"),
    ).not.toThrow();
  });
});
