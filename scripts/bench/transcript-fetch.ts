// Meet's transcript after a call (#22): one hour of transcript (600 entries, one every 6 seconds,
// two speakers), read from the loopback Google emulator page by page (100 entries a page, Google's
// most) with the conference's participants, its recording and Gemini notes, and stored in SQLite
// (a file, WAL) in one transaction, as the artifact job does after a call. Then the room's read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startGoogleEmulator } from '../../tests/google-emulator/google-emulator';
import { emulatorAuthClient, emulatorGoogleConfig } from '../../tests/support/emulator-auth';
import { makeInterview } from '../../tests/support/interview-fixtures';
import { createMeetClient, meetReadScope } from '../../main/attendance/meet-client';
import { createArtifactClient } from '../../main/meet-artifacts/artifact-client';
import { createArtifactJobs } from '../../main/meet-artifacts/artifact-jobs';
import { createArtifactRepository } from '../../main/meet-artifacts/artifact-repository';
import { applyPragmas, wrapDatabase } from '../../main/database/database';
import { migrateDatabase } from '../../main/database/schema-migrations';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createMemoryLogger } from '../../main/logging/logger';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const runs = 20;
const entriesPerHour = 600;
const g = await startGoogleEmulator();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-transcript-'));
const file = path.join(dir, 'bench.sqlite');
const sql = new DatabaseSync(file);
applyPragmas(sql, file);
migrateDatabase(sql);
const db = wrapDatabase(sql, file);
const letters = (n: number) => String.fromCharCode(97 + (n % 26), 97 + (Math.floor(n / 26) % 26));
const base = Date.parse('2030-01-07T09:00:00Z');
const words = 'so the queue keeps every message on disk before it is sent and a retry never sends twice'.split(' ');

const interviews = Array.from({ length: runs }, (_, i) => {
  const start = base + i * 2 * 3_600_000;
  const at = (s: number) => new Date(start + s * 1_000).toISOString();
  const code = `abc-${letters(i)}xy-xyz`;
  const interview = makeInterview({
    startUtc: at(0),
    durationMinutes: 60,
    meetLink: `https://meet.google.com/${code}`,
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  const conference = g.meet.addConference({
    meetingCode: code,
    startTime: at(-60),
    endTime: at(3_600),
    participants: [
      { kind: 'signedin', displayName: 'Rita Recruiter', sessions: [{ start: at(-60), end: at(3_600) }] },
      { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(30), end: at(3_590) }] },
    ],
  });
  g.meet.artifacts.addTranscript(conference, {
    startTime: at(0),
    endTime: at(3_600),
    entries: Array.from({ length: entriesPerHour }, (_, n) => ({
      speaker: n % 3 ? 'Ada Lovelace' : 'Rita Recruiter',
      // About 25 words an entry: an hour of two people talking.
      text: Array.from({ length: 25 }, (_, w) => words[(n + w) % words.length]).join(' '),
      languageCode: 'en-US',
      start: at(n * 6),
      end: at(n * 6 + 5),
    })),
  });
  g.meet.artifacts.addRecording(conference, { startTime: at(0), endTime: at(3_600) });
  g.meet.artifacts.addSmartNote(conference, { startTime: at(0), endTime: at(3_600) });
  return interview;
});
createInterviewRepository(db).putMany(interviews);

const options = { auth: emulatorAuthClient(g, [meetReadScope]), rootUrl: emulatorGoogleConfig(g).meetApiUrl };
const repository = createArtifactRepository(db);
const now = base + runs * 2 * 3_600_000;
const jobs = createArtifactJobs({
  repository,
  interview: (id) => createInterviewRepository(db).get(id),
  client: createMeetClient(options),
  artifacts: createArtifactClient(options),
  canRead: () => true,
  identity: () => ({ email: 'recruiter@example.com', name: 'Rita Recruiter' }),
  markNeedsReconnect: () => {},
  clock: { now: () => now },
  timers: { set: () => 0, clear: () => {} },
  log: createMemoryLogger(),
  changed: () => {},
});

// Warm up (the OAuth token, the first connection), then measure.
await jobs.lookNow(interviews[0]!.id);
repository.forget(Number.MAX_SAFE_INTEGER);
g.requests.length = 0;
const durations = await timeMany(runs, (i) => jobs.lookNow(interviews[i]!.id));
const stored = repository.entries(interviews[1]!.id);
report(`entries per transcript (one hour)`, stored.length);
report('requests per look (records, artifacts, participants, entries)', g.requests.length / runs);
report('entry pages per transcript (100 a page)', g.count('/entries') / runs);
reportDurations('one hour of transcript: fetch and store', durations);
report('entries fetched and stored per second (p50)', entriesPerHour / (durations[Math.floor(runs / 2)]! / 1_000));
report('text stored per transcript', stored.reduce((n, e) => n + e.text.length, 0) / 1_024, 'KiB');
reportDurations(
  "the room's read of one transcript (600 entries)",
  await timeMany(200, (i) => repository.entries(interviews[i % runs]!.id)),
);
const looks = interviews.map(({ id }) => ({
  id,
  entries: repository.entries(id),
  artifacts: repository.artifacts(id),
  state: repository.fetchState(id)!,
}));
repository.forget(Number.MAX_SAFE_INTEGER);
const storeOnly = await timeMany(runs, (i) => {
  const { id, artifacts, entries, state } = looks[i]!;
  repository.saveLook(id, artifacts, entries, state);
});
reportDurations('store alone: one transaction of 600 entries', storeOnly);
report('database file after the runs', fs.statSync(file).size / 1_048_576, 'MiB');
db.close();
fs.rmSync(dir, { recursive: true, force: true });
await g.close();
