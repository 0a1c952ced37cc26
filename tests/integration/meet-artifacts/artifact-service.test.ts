import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { makeInterview } from '../../support/interview-fixtures';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import type { Result } from '../../../preload/shared/contract/result';
import type { ArtifactsView } from '../../../preload/shared/contract/transcript-schema';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { DeskServices } from '../../../main/app/compose-services';

/** The room's calls for Meet's artifacts, through the composition root (real SQLite, the emulator). */
describe('artifacts:get and artifacts:checkNow (composed services, emulator)', () => {
  let g: GoogleEmulator;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices & {
    lines: string[];
    stores: { database: import('../../../main/database/database').Database };
  };
  let now: number;
  const events: string[][] = [];
  const minute = 60_000;
  const base = Date.parse('2030-03-04T10:00:00.000Z');
  const at = (m: number) => new Date(base + m * minute).toISOString();
  const dispatch = <T>(name: string, input?: unknown) =>
    dispatchCall(services.handlers, name, input, createMemoryLogger()) as Promise<Result<T>>;
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatch<T>(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const seed = (overrides: Partial<Interview> = {}) => {
    const interview = makeInterview({
      startUtc: at(0),
      durationMinutes: 45,
      meetLink: 'https://meet.google.com/abc-mnop-xyz',
      recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
      ...overrides,
    });
    createInterviewRepository(services.stores.database).put(interview);
    return interview;
  };

  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());
  beforeEach(() => {
    temp = makeTempDir();
    now = base - 60 * minute;
    events.length = 0;
    g.meet.clear();
    g.meet.artifacts.clear();
    services = googleServices(g, temp.dir, {
      keychainService: 'unused',
      secrets: memorySecretStore(),
      overrides: {
        clock: { now: () => now },
        tuning: { timers: { set: () => 0, clear: () => {} } },
      },
    });
    services.events.listen((name, payload) => {
      if (name === 'artifacts:changed') events.push((payload as { ids: string[] }).ids);
    });
  });
  afterEach(async () => {
    await services.dispose();
    services.stores.database.close();
    temp.cleanup();
  });

  it('says what stands in the way, then shows the transcript with speakers and the links once read', async () => {
    const interview = seed();
    const conference = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(-1),
      endTime: at(46),
      participants: [
        {
          kind: 'signedin',
          email: 'recruiter@example.com',
          displayName: 'Rita Recruiter',
          sessions: [{ start: at(-1) }],
        },
        { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(1) }] },
      ],
    });
    g.meet.artifacts.addTranscript(conference, {
      startTime: at(0),
      endTime: at(46),
      fileId: 'transcriptDoc123',
      entries: [
        { speaker: 'Rita Recruiter', text: 'Tell me about queues.', start: at(1), end: at(2) },
        { speaker: 'Ada Lovelace', text: 'A queue keeps order.', languageCode: 'en-GB', start: at(2) },
      ],
    });
    g.meet.artifacts.addRecording(conference, { state: 'ENDED', startTime: at(0), endTime: at(46) });
    g.meet.artifacts.smartNotesOffered = 'not_found';

    // Before the end: nothing to read yet, and no account.
    expect(await call<ArtifactsView>('artifacts:get', interview.id)).toEqual({
      connection: 'no_account',
      state: 'not_ended',
      waitingFor: [],
      notesOffered: true,
      artifacts: [],
      entries: [],
      lineCount: 0,
    });
    now = base + 50 * minute;
    const blocked = await dispatch('artifacts:checkNow', interview.id);
    expect(blocked.ok ? undefined : blocked.error.message).toBe(
      'Connect your Google account first: Meet is read with it.',
    );
    await call('account:connect');
    expect(await call<ArtifactsView>('artifacts:get', interview.id)).toMatchObject({
      connection: 'not_connected',
      state: 'blocked',
      reason: 'scope_missing',
    });
    expect(g.count('/transcripts')).toBe(0);
    const noScope = await dispatch('artifacts:checkNow', interview.id);
    expect(noScope.ok ? undefined : noScope.error.message).toContain('Connect Google Meet first');

    await call('attendance:connect');
    const view = await call<ArtifactsView>('artifacts:checkNow', interview.id);
    expect(view).toEqual({
      connection: 'connected',
      state: 'waiting',
      waitingFor: ['recording'],
      nextCheck: new Date(Date.parse(at(46)) + 10 * minute).toISOString(),
      checkedAt: new Date(now).toISOString(),
      notesOffered: false,
      artifacts: [
        {
          kind: 'transcript',
          state: 'ready',
          url: 'https://docs.google.com/document/d/transcriptDoc123/view',
          start: at(0),
          end: at(46),
        },
        { kind: 'recording', state: 'ended', start: at(0), end: at(46) },
      ],
      entries: [
        { seq: expect.any(Number), speaker: 'Rita Recruiter', text: 'Tell me about queues.', start: at(1), end: at(2) },
        {
          seq: expect.any(Number),
          speaker: 'Ada Lovelace',
          text: 'A queue keeps order.',
          languageCode: 'en-GB',
          start: at(2),
        },
      ],
      lineCount: 2,
    });
    expect(events).toContainEqual([interview.id]);
    expect(services.lines.join('\n')).not.toContain('queues');
  });

  it("never for a candidate's saved copy; an interview over 30 days old says so without asking Meet", async () => {
    const copy = seed({ origin: 'candidate' });
    const refused = await dispatch('artifacts:get', copy.id);
    expect(refused.ok ? undefined : refused.error.message).toBe(
      'Meet transcripts are kept only for interviews you scheduled.',
    );
    const old = seed({ startUtc: new Date(base - 40 * 86_400_000).toISOString() });
    now = base;
    expect(await call<ArtifactsView>('artifacts:get', old.id)).toMatchObject({ state: 'expired' });
    const unknown = await dispatch('artifacts:get', '00000000-0000-4000-8000-000000000000');
    expect(unknown.ok ? undefined : unknown.error.message).toBe('That interview no longer exists.');
  });
});
