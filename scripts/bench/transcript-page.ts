// The room's transcript at the stored caps: 20,000 lines of one interview, in SQLite (a file, WAL),
// once as a long meeting says them (about 150 characters a line) and once at 10,000 characters a
// line (what a hostile or broken transcript may hold). Before: the room's view carried every line
// (bytes of its JSON answer, ms to read and encode it). After: the first page and the count, then
// "Show more lines" and find within answered by SQLite over the whole interview.
// Find runs SQLite on main's thread, so its time is time main answers nothing else. Before: every
// line read character by character, twice (the page, then the count), and again at each "Show more
// lines" of a search. After: a search read once (counted only on its first page), and a transcript
// over `findByCharactersLines` lines read through the word index alone; the last case (2,000 lines
// of 10,000 characters) is the most find still reads character by character.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { makeInterview } from '../../tests/support/interview-fixtures';
import { createArtifactRepository, type StoredEntry } from '../../main/meet-artifacts/artifact-repository';
import { createTranscriptLines } from '../../main/meet-artifacts/transcript-lines';
import { transcriptSearchIndex } from '../../main/meet-artifacts/transcript-search-index';
import { ensureFullTextIndex } from '../../main/database/search-index';
import { lineHolds } from '../../main/meet-artifacts/transcript-lines-query';
import { findByCharactersLines } from '../../preload/shared/rules/transcript-find-mode';
import { applyPragmas, wrapDatabase } from '../../main/database/database';
import { migrateDatabase } from '../../main/database/schema-migrations';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { transcriptLinesKept, transcriptPageSize } from '../../preload/shared/contract/transcript-schema';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-transcript-page-'));
const file = path.join(dir, 'bench.sqlite');
const sql = new DatabaseSync(file);
applyPragmas(sql, file);
migrateDatabase(sql);
const db = wrapDatabase(sql, file);
const repository = createArtifactRepository(db);
// The app builds the word index at start (the schedule's transcript search); the bench builds it here.
const transcript = createTranscriptLines(db, ensureFullTextIndex(db, transcriptSearchIndex));
const words = 'so the queue keeps every message on disk before it is sent and a retry never sends twice'.split(' ');
const start = Date.parse('2030-01-07T09:00:00Z');

/** One interview with `count` stored lines of about `chars` characters. */
function seed(code: string, chars: number, count: number): string {
  const interview = makeInterview({
    startUtc: new Date(start).toISOString(),
    durationMinutes: 60,
    meetLink: `https://meet.google.com/${code}`,
  });
  createInterviewRepository(db).put(interview);
  const name = `conferenceRecords/${code}/transcripts/t1`;
  const sentence = Array.from({ length: 400 }, (_, w) => words[w % words.length]).join(' ');
  const entries: StoredEntry[] = Array.from({ length: count }, (_, n) => ({
    transcript: name,
    name: `${name}/entries/e${n}`,
    speaker: n % 3 ? 'Ada Lovelace' : 'Rita Recruiter',
    text: `${n}: ${sentence.repeat(Math.ceil(chars / sentence.length)).slice(n % 40, (n % 40) + chars)}`,
    startTime: new Date(start + n * 1_000).toISOString(),
  }));
  repository.saveLook(interview.id, [{ name, kind: 'transcript', state: 'FILE_GENERATED' }], entries, {
    state: 'complete',
    attempts: 0,
    nextMs: 0,
    notesOffered: true,
  });
  return interview.id;
}

/** The transcript part of the room's view as it was: every stored line. */
const everyLine = (id: string) =>
  JSON.stringify({
    entries: repository.entries(id).map((e) => ({ speaker: e.speaker, text: e.text, start: e.startTime })),
  });
/** As it is now: the first page and the count. */
const firstPage = (id: string) => {
  const page = transcript.page(id, {}, transcriptPageSize);
  return JSON.stringify({ entries: page.lines, lineCount: page.total });
};
const mib = (text: string) => Buffer.byteLength(text) / 1_048_576;

/** The interview's range of entry ids, for the word index (as transcript-lines reads it). */
const band = (id: string) => {
  const r = sql
    .prepare('SELECT min(id) AS low, max(id) AS high FROM transcript_entries WHERE interview_id = ?')
    .get(id) as { low: number; high: number };
  return { low: r.low, high: r.high };
};
/** The interview's speakers' names (as transcript-lines reads them for a find). */
const speakersOf = (id: string) =>
  (
    sql.prepare('SELECT DISTINCT speaker FROM transcript_entries WHERE interview_id = ?').all(id) as {
      speaker: string;
    }[]
  ).map((r) => r.speaker);
/** Find as it was: every line read for the characters (and the words), the page and then the count. */
const findBefore = (id: string, query: string, after?: number) => {
  const holds = lineHolds(query, band(id), false, speakersOf(id))!;
  const cursor =
    after === undefined ? '' : ' AND (start_time, id) > (SELECT start_time, id FROM transcript_entries WHERE id = ?)';
  sql
    .prepare(
      `SELECT id, speaker, text, language_code, start_time, end_time FROM transcript_entries
       WHERE interview_id = ? AND ${holds.sql}${cursor} ORDER BY start_time, id LIMIT ?`,
    )
    .all(id, ...holds.params, ...(after === undefined ? [] : [after]), transcriptPageSize + 1);
  return sql
    .prepare(`SELECT count(*) AS n FROM transcript_entries WHERE interview_id = ? AND ${holds.sql}`)
    .get(id, ...holds.params);
};

for (const [label, code, chars, count, runs] of [
  ['20,000 lines of ~150 characters', 'abc-mnop-xyz', 150, transcriptLinesKept, 10],
  ['20,000 lines of 10,000 characters', 'ddd-eeee-fff', 10_000, transcriptLinesKept, 5],
  [
    `${findByCharactersLines.toLocaleString('en')} lines of 10,000 characters`,
    'ggg-hhhh-iii',
    10_000,
    findByCharactersLines,
    10,
  ],
] as const) {
  const id = seed(code, chars, count);
  console.log(`\n${label}`);
  report("before: the room's view, JSON answer", mib(everyLine(id)), 'MiB');
  reportDurations("before: the room's view (read every line, encode)", await timeMany(runs, () => everyLine(id)));
  report("after: the room's view, JSON answer", mib(firstPage(id)) * 1_024, 'KiB');
  reportDurations("after: the room's view (first page and count)", await timeMany(50, () => firstPage(id)));
  const page = transcript.page(id, {}, transcriptPageSize);
  const middle = transcript.page(id, { after: page.lines.at(-1)!.seq + count / 2 }, transcriptPageSize);
  reportDurations(
    'Show more lines (a page from the middle)',
    await timeMany(50, () =>
      transcript.page(id, { after: middle.lines[0]?.seq ?? page.lines.at(-1)!.seq }, transcriptPageSize),
    ),
  );
  for (const query of ['queue', 'kafka', '50%_\'"', 'jose', 'queue keeps']) {
    const found = transcript.page(id, { query }, transcriptPageSize);
    console.log(`find "${query}": ${found.count} lines hold it`);
    reportDurations('  before: find (every line read, twice)', await timeMany(runs, () => findBefore(id, query)));
    reportDurations('  after: find', await timeMany(runs, () => transcript.page(id, { query }, transcriptPageSize)));
    const last = found.lines.at(-1)?.seq;
    if (!found.more || last === undefined) continue;
    reportDurations('  before: Show more lines of it', await timeMany(runs, () => findBefore(id, query, last)));
    reportDurations(
      '  after: Show more lines of it',
      await timeMany(runs, () => transcript.page(id, { query, after: last }, transcriptPageSize)),
    );
  }
}
report('database file', fs.statSync(file).size / 1_048_576, 'MiB');
db.close();
fs.rmSync(dir, { recursive: true, force: true });
