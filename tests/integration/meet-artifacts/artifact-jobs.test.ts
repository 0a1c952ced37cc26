import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { emulatorAuthClient, emulatorGoogleConfig } from '../../support/emulator-auth';
import { makeInterview } from '../../support/interview-fixtures';
import { createMeetClient, meetReadScope } from '../../../main/attendance/meet-client';
import { createArtifactClient } from '../../../main/meet-artifacts/artifact-client';
import { createArtifactJobs, type ArtifactJobs } from '../../../main/meet-artifacts/artifact-jobs';
import { createArtifactRepository, type ArtifactRepository } from '../../../main/meet-artifacts/artifact-repository';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { Database } from '../../../main/database/database';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

/**
 * The artifact job against the emulator, on the real SQLite schema: what a look stores, when it looks
 * again, and how it words what Google refuses. Time is a variable the test moves; timers only record.
 */
describe("Meet's transcript, recording and notes: the job (emulator, real SQLite)", () => {
  let g: GoogleEmulator;
  let db: Database;
  let repository: ArtifactRepository;
  let jobs: ArtifactJobs;
  let now: number;
  let logs: ReturnType<typeof createMemoryLogger>;
  let changed: string[];
  let scopes: string[];
  const minute = 60_000;
  const start = Date.parse('2030-03-04T10:00:00.000Z');
  const end = start + 45 * minute;
  const at = (m: number) => new Date(start + m * minute).toISOString();
  const code = 'abc-mnop-xyz';

  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());

  const makeJobs = (linesKept?: number) => {
    const options = {
      auth: emulatorAuthClient(g, scopes),
      rootUrl: emulatorGoogleConfig(g).meetApiUrl,
      retry: { baseDelayMs: 2, maxDelayMs: 10, totalCapMs: 1_000 },
      requestTimeoutMs: 2_000,
    };
    return createArtifactJobs({
      repository,
      interview: (id) => createInterviewRepository(db).get(id),
      client: createMeetClient(options),
      artifacts: createArtifactClient(options),
      canRead: () => true,
      identity: () => ({ email: 'recruiter@example.com', name: 'Rita Recruiter' }),
      markNeedsReconnect: () => {},
      clock: { now: () => now },
      timers: { set: () => 0, clear: () => {} },
      log: logs,
      changed: (ids) => void changed.push(...ids),
      pacing: { paceMs: 1 },
      sleep: async () => {},
      random: () => 0.5,
      ...(linesKept !== undefined ? { linesKept } : {}),
    });
  };

  beforeEach(() => {
    g.meet.clear();
    g.meet.artifacts.clear();
    g.faults.clear();
    g.requests.length = 0;
    db = openMemoryDatabase();
    repository = createArtifactRepository(db);
    logs = createMemoryLogger();
    changed = [];
    scopes = [meetReadScope];
    now = end + 5 * minute;
    jobs = makeJobs();
  });

  const seed = (overrides: Partial<Interview> = {}) => {
    const interview = makeInterview({
      startUtc: at(0),
      durationMinutes: 45,
      meetLink: `https://meet.google.com/${code}`,
      recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
      ...overrides,
    });
    createInterviewRepository(db).put(interview);
    return interview;
  };
  // null: the call is still going.
  const call = (endMinute: number | null = 46) =>
    g.meet.addConference({
      meetingCode: code,
      startTime: at(-1),
      ...(endMinute !== null ? { endTime: at(endMinute) } : {}),
      participants: [
        {
          kind: 'signedin',
          email: 'recruiter@example.com',
          displayName: 'Rita Recruiter',
          sessions: [{ start: at(-1), ...(endMinute !== null ? { end: at(endMinute) } : {}) }],
        },
        { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(1) }] },
      ],
    });
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      speaker: i % 2 ? 'Ada Lovelace' : 'Rita Recruiter',
      text: `secret words ${i}`,
      languageCode: 'en-US',
      start: new Date(start + i * 4_000).toISOString(),
      end: new Date(start + i * 4_000 + 3_000).toISOString(),
    }));

  it('stores the whole transcript (paged) with speakers named, and the three links; nothing of the text in the log', async () => {
    const interview = seed();
    const conference = call();
    g.meet.artifacts.addTranscript(conference, {
      startTime: at(0),
      endTime: at(46),
      fileId: 'transcriptDoc123',
      entries: lines(250),
    });
    g.meet.artifacts.addRecording(conference, { startTime: at(0), endTime: at(46), fileId: 'recordingFile123' });
    g.meet.artifacts.addSmartNote(conference, { startTime: at(0), endTime: at(46), fileId: 'notesDocument123' });

    await jobs.drain();

    expect(repository.fetchState(interview.id)).toMatchObject({
      state: 'complete',
      nextMs: 0,
      notesOffered: true,
      current: true,
      endedMs: Date.parse(at(46)),
      expireMs: Date.parse(at(46)) + 30 * 86_400_000,
    });
    const entries = repository.entries(interview.id);
    expect(entries).toHaveLength(250);
    expect(entries[0]).toMatchObject({ speaker: 'Rita Recruiter', text: 'secret words 0', languageCode: 'en-US' });
    expect(entries[1]!.speaker).toBe('Ada Lovelace');
    // 100 a page: three pages of entries.
    expect(g.count('/entries')).toBe(3);
    expect(
      repository
        .artifacts(interview.id)
        .map((a) => [a.kind, a.exportUri])
        .sort(),
    ).toEqual([
      ['recording', 'https://drive.google.com/file/d/recordingFile123/view'],
      ['smart_notes', 'https://docs.google.com/document/d/notesDocument123/view'],
      ['transcript', 'https://docs.google.com/document/d/transcriptDoc123/view'],
    ]);
    expect(changed).toEqual([interview.id]);
    expect(logs.lines.join('\n')).not.toContain('secret words');
    // Complete: not due again.
    g.requests.length = 0;
    now += 10 * 60 * minute;
    await jobs.drain();
    expect(g.count('/v2/')).toBe(0);
  });

  it('keeps no more of a page than the size it asked for, and cuts an entry far longer than a sentence', async () => {
    const interview = seed();
    const conference = call();
    const long = { ...lines(1)[0]!, text: `${'word '.repeat(4_000)}end` };
    g.meet.artifacts.addTranscript(conference, {
      startTime: at(0),
      endTime: at(46),
      entries: [long, ...lines(250).slice(1)],
    });
    // A server ignoring pageSize: one page of all 250.
    g.meet.artifacts.oversizePages = 5;
    await jobs.drain();
    expect(g.count('/entries')).toBe(1);
    const entries = repository.entries(interview.id);
    expect(entries).toHaveLength(100);
    expect(entries.at(-1)!.text).toBe('secret words 99');
    expect(entries[0]!.text).toHaveLength(10_000 + ' […]'.length);
    expect(entries[0]!.text.endsWith('word  […]')).toBe(true);
  });

  it('stops reading a transcript past the lines kept, keeps the first ones and says so; later looks keep them', async () => {
    jobs = makeJobs(150);
    const interview = seed();
    const conference = call();
    g.meet.artifacts.addTranscript(conference, {
      startTime: at(0),
      endTime: at(46),
      fileId: 'longTranscriptDoc123',
      entries: lines(250),
    });
    await jobs.drain();
    // Two pages of 100 hold the 151st line: the walk stops there, no third page.
    expect(g.count('/entries')).toBe(2);
    const entries = repository.entries(interview.id);
    expect(entries).toHaveLength(150);
    expect(entries.at(-1)!.text).toBe('secret words 149');
    expect(repository.fetchState(interview.id)).toMatchObject({
      state: 'complete',
      reason: 'transcript_too_long',
      nextMs: 0,
    });
    // A second transcript later (a call rejoined): nothing more is kept, the first lines stay, still said.
    const again = g.meet.addConference({
      meetingCode: code,
      startTime: at(20),
      endTime: at(44),
      participants: [
        {
          kind: 'signedin',
          email: 'recruiter@example.com',
          displayName: 'Rita Recruiter',
          sessions: [{ start: at(20), end: at(44) }],
        },
      ],
    });
    g.meet.artifacts.addTranscript(again, { startTime: at(20), endTime: at(44), entries: lines(5) });
    g.requests.length = 0;
    await jobs.lookNow(interview.id);
    expect(g.count('/entries')).toBe(1);
    expect(repository.entries(interview.id)).toHaveLength(150);
    expect(repository.fetchState(interview.id)).toMatchObject({ state: 'complete', reason: 'transcript_too_long' });
    expect(repository.artifacts(interview.id).find((a) => a.exportUri?.includes('longTranscriptDoc123'))).toBeDefined();
  });

  it('keeps 20,000 lines of a longer transcript at most', async () => {
    const interview = seed();
    const conference = call();
    const many = Array.from({ length: 20_050 }, (_, i) => ({
      speaker: 'Rita Recruiter',
      text: `line ${i}`,
      start: new Date(start + i * 100).toISOString(),
    }));
    g.meet.artifacts.addTranscript(conference, { startTime: at(0), endTime: at(46), entries: many });
    await jobs.drain();
    expect(repository.entryCount(interview.id)).toBe(20_000);
    expect(g.count('/entries')).toBe(200);
    expect(repository.fetchState(interview.id)).toMatchObject({ state: 'complete', reason: 'transcript_too_long' });
  }, 60_000);

  it('an artifact still ENDED: waits for it on the schedule, then reads the entries once', async () => {
    const interview = seed();
    const conference = call();
    const transcript = g.meet.artifacts.addTranscript(conference, {
      state: 'ENDED',
      startTime: at(0),
      endTime: at(46),
      entries: lines(12),
    });
    g.meet.artifacts.addRecording(conference, { startTime: at(0), endTime: at(46) });
    now = Date.parse(at(46)) + 5 * minute;
    await jobs.drain();
    expect(repository.fetchState(interview.id)).toMatchObject({
      state: 'waiting',
      nextMs: Date.parse(at(46)) + 10 * minute,
    });
    expect(repository.entries(interview.id)).toEqual([]);
    expect(g.count('/entries')).toBe(0);
    // Not due before its time.
    g.requests.length = 0;
    now = Date.parse(at(46)) + 9 * minute;
    await jobs.drain();
    expect(g.count('/v2/')).toBe(0);
    expect(repository.nextDueAfter(now)).toBe(Date.parse(at(46)) + 10 * minute);

    g.meet.artifacts.setState(transcript, 'FILE_GENERATED');
    now = Date.parse(at(46)) + 10 * minute;
    await jobs.drain();
    expect(repository.fetchState(interview.id)!.state).toBe('complete');
    expect(repository.entries(interview.id)).toHaveLength(12);
    // "Check Meet now" later: the entries are not read again, and none is stored twice.
    g.requests.length = 0;
    await jobs.lookNow(interview.id);
    expect(g.count('/entries')).toBe(0);
    expect(repository.entries(interview.id)).toHaveLength(12);
  });

  it('gives up 6 hours after the call when a file never comes, and says nothing was turned on when nothing came', async () => {
    const waiting = seed();
    const conference = call();
    g.meet.artifacts.addRecording(conference, { state: 'ENDED', startTime: at(0), endTime: at(46) });
    now = Date.parse(at(46)) + 5 * 60 * minute + 30 * minute;
    await jobs.lookNow(waiting.id);
    expect(repository.fetchState(waiting.id)).toMatchObject({
      state: 'waiting',
      nextMs: Date.parse(at(46)) + 6 * 60 * minute,
    });
    now = Date.parse(at(46)) + 6 * 60 * minute + 1;
    await jobs.lookNow(waiting.id);
    expect(repository.fetchState(waiting.id)).toMatchObject({ state: 'gave_up', nextMs: 0 });

    g.meet.artifacts.clear();
    now = Date.parse(at(46)) + 5 * minute;
    await jobs.lookNow(waiting.id);
    expect(repository.fetchState(waiting.id)).toMatchObject({ state: 'waiting', reason: 'not_turned_on' });
    now = Date.parse(at(46)) + 61 * minute;
    await jobs.lookNow(waiting.id);
    expect(repository.fetchState(waiting.id)).toMatchObject({ state: 'nothing', reason: 'not_turned_on' });
    // What was stored before is dropped: Google no longer lists it.
    expect(repository.artifacts(waiting.id)).toEqual([]);
  });

  it('a call still running is waited for; no call at all is "no conference"', async () => {
    const interview = seed();
    call(null);
    await jobs.drain();
    expect(repository.fetchState(interview.id)).toMatchObject({
      state: 'waiting',
      reason: 'call_running',
      nextMs: end + 10 * minute,
    });
    g.meet.clear();
    now = end + 2 * 60 * minute;
    await jobs.lookNow(interview.id);
    expect(repository.fetchState(interview.id)).toMatchObject({ state: 'nothing', reason: 'no_conference' });
  });

  it('Gemini notes answering 404 or 403 are "not offered", not a failure', async () => {
    for (const answer of ['not_found', 'forbidden'] as const) {
      const interview = seed();
      const conference = call();
      g.meet.artifacts.addRecording(conference, { startTime: at(0), endTime: at(46) });
      g.meet.artifacts.smartNotesOffered = answer;
      await jobs.lookNow(interview.id);
      expect(repository.fetchState(interview.id), answer).toMatchObject({ state: 'complete', notesOffered: false });
      g.meet.clear();
      g.meet.artifacts.clear();
    }
  });

  it('Meet busy (429) past the retries: looked at again with backoff, nothing stored is lost; a passing 503 is retried within the call', async () => {
    const interview = seed();
    const conference = call();
    g.meet.artifacts.addTranscript(conference, { startTime: at(0), endTime: at(46), entries: lines(3) });
    await jobs.lookNow(interview.id);
    expect(repository.entries(interview.id)).toHaveLength(3);

    g.faults.add({ path: '/recordings', status: 429, times: 50 });
    now += 60 * minute;
    await jobs.lookNow(interview.id);
    const state = repository.fetchState(interview.id)!;
    expect(state).toMatchObject({ state: 'waiting', reason: 'unavailable', attempts: 1 });
    // Half the first backoff ceiling (1 minute), from the random 0.5.
    expect(state.nextMs).toBe(now + 30_000);
    expect(repository.entries(interview.id)).toHaveLength(3);
    expect(logs.lines.some((l) => l.includes('unavailable, attempt 1'))).toBe(true);

    g.faults.clear();
    g.faults.add({ path: '/transcripts', status: 503 });
    now += minute;
    await jobs.drain();
    expect(repository.fetchState(interview.id)).toMatchObject({ state: 'complete', attempts: 0 });
  });

  it('words what Google refuses: not a participant (403), no Meet permission (scope), an unreachable record (404)', async () => {
    const interview = seed();
    call();
    g.faults.add({ path: '/transcripts', status: 403 });
    await jobs.lookNow(interview.id);
    expect(repository.fetchState(interview.id)).toMatchObject({
      state: 'failed',
      reason: 'not_participant',
      nextMs: 0,
    });
    // Failed for good: not due again on its own.
    expect(repository.due(now + 86_400_000, 0, 10)).toEqual([]);

    g.faults.add({ path: '/recordings', status: 404 });
    await jobs.lookNow(interview.id);
    expect(repository.fetchState(interview.id)).toMatchObject({ state: 'failed', reason: 'no_conference' });

    scopes = ['https://www.googleapis.com/auth/calendar.events'];
    jobs = makeJobs();
    await jobs.lookNow(interview.id);
    expect(repository.fetchState(interview.id)).toMatchObject({ state: 'blocked', reason: 'scope_missing' });
    repository.unblock();
    expect(repository.due(now, 0, 10)).toEqual([interview.id]);
  });

  it('catches up at start newest first, a few at a time, none older than Meet keeps', async () => {
    const days = [1, 2, 3, 4, 40].map((d) =>
      seed({ startUtc: new Date(start - d * 86_400_000).toISOString(), meetLink: `https://meet.google.com/${code}` }),
    );
    now = end;
    expect(repository.due(now, now - 30 * 86_400_000, 3)).toEqual([days[0]!.id, days[1]!.id, days[2]!.id]);
    await jobs.drain();
    expect(repository.fetchState(days[0]!.id)).toBeDefined();
    expect(repository.fetchState(days[3]!.id)).toBeUndefined();
    expect(repository.due(now, now - 30 * 86_400_000, 10)).toEqual([days[3]!.id]);
  });

  it('deletes what was read when the interview moves or gets another link, and past the retention period', async () => {
    const interview = seed();
    const conference = call();
    g.meet.artifacts.addTranscript(conference, { startTime: at(0), endTime: at(46), entries: lines(4) });
    await jobs.lookNow(interview.id);
    expect(repository.entries(interview.id)).toHaveLength(4);
    const interviews = createInterviewRepository(db);
    interviews.put({ ...interview, notes: 'edited' });
    expect(repository.entries(interview.id)).toHaveLength(4);
    interviews.put({ ...interview, meetLink: 'https://meet.google.com/ddd-eeee-fff' });
    expect(repository.entries(interview.id)).toEqual([]);
    expect(repository.artifacts(interview.id)).toEqual([]);
    expect(repository.fetchState(interview.id)).toBeUndefined();

    interviews.put(interview);
    await jobs.lookNow(interview.id);
    expect(repository.forget(end)).toEqual([]);
    expect(repository.forget(end + 1)).toEqual([interview.id]);
    expect(repository.entries(interview.id)).toEqual([]);
    expect(repository.fetchState(interview.id)).toBeUndefined();
  });
});
