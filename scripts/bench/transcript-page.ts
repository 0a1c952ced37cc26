// The room's transcript at the stored caps: 20,000 lines of one interview, in SQLite (a file, WAL),
// once as a long meeting says them (about 150 characters a line) and once at 10,000 characters a
// line (what a hostile or broken transcript may hold). Before: the room's view carried every line
// (bytes of its JSON answer, ms to read and encode it). After: the first page and the count, then
// "Show more lines" and find within answered by SQLite over the whole interview.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { makeInterview } from '../../tests/support/interview-fixtures';
import { createArtifactRepository, type StoredEntry } from '../../main/meet-artifacts/artifact-repository';
import { createTranscriptLines } from '../../main/meet-artifacts/transcript-lines';
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
const transcript = createTranscriptLines(db);
const words = 'so the queue keeps every message on disk before it is sent and a retry never sends twice'.split(' ');
const start = Date.parse('2030-01-07T09:00:00Z');

/** One interview with 20,000 stored lines of about `chars` characters. */
function seed(code: string, chars: number): string {
  const interview = makeInterview({
    startUtc: new Date(start).toISOString(),
    durationMinutes: 60,
    meetLink: `https://meet.google.com/${code}`,
  });
  createInterviewRepository(db).put(interview);
  const name = `conferenceRecords/${code}/transcripts/t1`;
  const sentence = Array.from({ length: 400 }, (_, w) => words[w % words.length]).join(' ');
  const entries: StoredEntry[] = Array.from({ length: transcriptLinesKept }, (_, n) => ({
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

for (const [label, code, chars, runs] of [
  ['20,000 lines of ~150 characters', 'abc-mnop-xyz', 150, 10],
  ['20,000 lines of 10,000 characters', 'ddd-eeee-fff', 10_000, 3],
] as const) {
  const id = seed(code, chars);
  console.log(`\n${label}`);
  report("before: the room's view, JSON answer", mib(everyLine(id)), 'MiB');
  reportDurations("before: the room's view (read every line, encode)", await timeMany(runs, () => everyLine(id)));
  report("after: the room's view, JSON answer", mib(firstPage(id)) * 1_024, 'KiB');
  reportDurations("after: the room's view (first page and count)", await timeMany(50, () => firstPage(id)));
  const page = transcript.page(id, {}, transcriptPageSize);
  const middle = transcript.page(id, { after: page.lines.at(-1)!.seq + 10_000 }, transcriptPageSize);
  reportDurations(
    'Show more lines (a page from the middle)',
    await timeMany(50, () => transcript.page(id, { after: middle.lines[0]!.seq }, transcriptPageSize)),
  );
  for (const query of ['queue', 'kafka', '50%_\'"', 'jose'])
    reportDurations(
      `find "${query}" over the whole interview (${transcript.page(id, { query }, transcriptPageSize).count} lines hold it)`,
      await timeMany(runs, () => transcript.page(id, { query }, transcriptPageSize)),
    );
}
report('database file', fs.statSync(file).size / 1_048_576, 'MiB');
db.close();
fs.rmSync(dir, { recursive: true, force: true });
