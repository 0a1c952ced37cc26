import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { Debrief } from '../../../preload/shared/contract/debrief-schema';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';
import { insertArtifact, insertScorecard, insertTranscriptLines, makeScorecard } from '../../support/debrief-seed';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';

const hour = 3_600_000;
const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' };
const pat = { kind: 'panelist' as const, name: 'Pat Panel', email: 'pat@example.com' };

describe('the debrief over the real database (debrief:get, debrief:savePdf)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: ReturnType<typeof servicesFor>;
  let saved: string[];
  const call = (name: 'debrief:get' | 'debrief:savePdf', input: unknown) =>
    dispatchCall(services.handlers, name, input, createMemoryLogger());
  const get = async (input: unknown) => {
    const result = await call('debrief:get', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Debrief;
  };
  const seed = (...interviews: Interview[]) => createInterviewRepository(services.stores.database).putMany(interviews);
  const past = (hoursAgo: number, overrides: Partial<Interview> = {}) =>
    makeInterview({
      startUtc: new Date(Date.now() - hoursAgo * hour).toISOString(),
      durationMinutes: 45,
      jobTitle: 'Compiler Engineer',
      recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
      ...overrides,
    });

  beforeEach(() => {
    temp = makeTempDir();
    saved = [];
    services = servicesFor(temp.dir, {
      savePdf: async (fileName) => {
        saved.push(fileName);
        return { saved: true, path: `/home/rita/${fileName}` };
      },
    });
  });
  afterEach(async () => {
    await services.dispose();
    services.stores.database.close();
    temp.cleanup();
  });

  it('shows the recruiter’s scorecard and a co-interviewer’s form response side by side, with Meet’s links', async () => {
    const interview = past(3);
    seed(interview);
    const db = services.stores.database;
    insertScorecard(
      db,
      makeScorecard(interview.id, rita, {
        answers: { overall: 'strong_yes', ratings: { communication: { rating: 'strong_yes', note: 'Crisp.' } } },
      }),
    );
    insertScorecard(
      db,
      makeScorecard(interview.id, pat, {
        answers: {
          overall: 'yes',
          takeaways: 'Would work well with the team.',
          ratings: { communication: { rating: 'yes', note: '' } },
        },
      }),
    );
    insertArtifact(db, {
      interviewId: interview.id,
      name: 'conferenceRecords/c1/transcripts/t1',
      kind: 'transcript',
      exportUri: 'https://docs.google.com/document/d/1abcDEFghiJKL/view',
    });
    // Not how Meet gives a link: never offered.
    insertArtifact(db, {
      interviewId: interview.id,
      name: 'conferenceRecords/c1/recordings/r1',
      kind: 'recording',
      exportUri: 'https://evil.example/file/d/1abcDEFghiJKL/view',
    });
    insertTranscriptLines(db, interview.id, 5);

    const debrief = await get({ id: interview.id });
    const [item] = debrief.interviews;
    expect(item!.interviewers.map((p) => [p.name, p.state, p.source, p.overall])).toEqual([
      ['Rita Recruiter', 'submitted', 'app', 'strong_yes'],
      ['Pat Panel', 'submitted', 'form', 'yes'],
    ]);
    expect(item!.criteria.find((c) => c.id === 'communication')!.cells).toEqual([
      { rating: 'strong_yes', note: 'Crisp.' },
      { rating: 'yes' },
    ]);
    expect(item!.links).toEqual([
      {
        kind: 'transcript',
        label: 'Transcript (Google Docs)',
        url: 'https://docs.google.com/document/d/1abcDEFghiJKL/view',
      },
    ]);
    expect(item!.transcriptEntries).toBe(5);
    expect(item!.attendance).toEqual(['Attendance from Google Meet is not connected.']);
    expect(debrief.text).toContain('- Pat Panel: Yes (from the panel form)');
    expect(debrief.text).toContain('- Communication: Rita Recruiter Strong yes; Pat Panel Yes');
    expect(debrief.text).not.toContain('evil.example');
  });

  it('holds the panel’s back while the recruiter’s own is a draft, until Settings says to show them', async () => {
    const interview = past(3);
    seed(interview);
    insertScorecard(
      services.stores.database,
      makeScorecard(interview.id, rita, { state: 'draft', submittedAt: undefined }),
    );
    insertScorecard(
      services.stores.database,
      makeScorecard(interview.id, pat, { answers: { overall: 'no', takeaways: 'Secret opinion.' } }),
    );
    const hidden = await get({ id: interview.id });
    expect(hidden.interviews[0]!.interviewers.map((p) => p.state)).toEqual(['draft', 'hidden']);
    expect(hidden.interviews[0]!.hiddenNote).toContain("Submit yours to see the other interviewer's.");
    expect(JSON.stringify(hidden)).not.toContain('Secret opinion');

    services.settings.update({ showOthersScorecardsBeforeSubmit: true });
    const shown = await get({ id: interview.id });
    expect(shown.interviews[0]!.interviewers[1]).toMatchObject({ state: 'submitted', overall: 'no' });
    expect(shown.interviews[0]!.hiddenNote).toBeUndefined();
  });

  it('for a candidate: every interview with the same email (any case) that has begun, oldest first', async () => {
    const first = past(72, { jobTitle: 'Phone screen' });
    const second = past(3, { candidate: { name: 'Ada Lovelace', email: 'ADA@Example.com' } });
    const future = past(-48, { jobTitle: 'Onsite' });
    const cancelled = past(30, { status: 'cancelled', jobTitle: 'Cancelled one' });
    const someoneElse = past(5, { candidate: { name: 'Grace Hopper', email: 'grace@example.com' } });
    // Another address that merely contains hers.
    const lookalike = past(6, { candidate: { name: 'Ada Imposter', email: 'xada@example.com' } });
    seed(first, second, future, cancelled, someoneElse, lookalike);
    const debrief = await get({ id: second.id, scope: 'candidate' });
    expect(debrief.interviews.map((i) => i.jobTitle)).toEqual(['Phone screen', 'Compiler Engineer']);
    expect(debrief.text.split('\n')[0]).toBe('Debrief: Ada Lovelace <ADA@Example.com>, 2 interviews');
    // Asked from the future one, that one is there too (it was asked for).
    const fromFuture = await get({ id: future.id, scope: 'candidate' });
    expect(fromFuture.interviews.map((i) => i.jobTitle)).toEqual(['Phone screen', 'Compiler Engineer', 'Onsite']);
  });

  it('has no debrief for a candidate’s or co-interviewer’s saved copy, nor for an unknown id', async () => {
    const copy = past(3, { origin: 'candidate' });
    seed(copy);
    const refused = await call('debrief:get', { id: copy.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'A debrief is only for interviews you schedule in Interview Desk.',
        field: 'id',
      },
    });
    const unknown = await call('debrief:get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok || unknown.error.message).toBe('That interview no longer exists.');
    const invalid = await call('debrief:get', { id: 'not-an-id' });
    expect(invalid.ok || invalid.error.message).toBe('Not a valid interview id');
  });

  it('saves as PDF through the shell with a file name from the candidate and job', async () => {
    const interview = past(3, { candidate: { name: 'Ada/Lovelace', email: 'ada@example.com' } });
    seed(interview);
    const result = await call('debrief:savePdf', { id: interview.id });
    expect(result).toEqual({
      ok: true,
      value: { saved: true, path: '/home/rita/Debrief - Ada Lovelace - Compiler Engineer.pdf' },
    });
    await call('debrief:savePdf', { id: interview.id, scope: 'candidate' });
    expect(saved).toEqual(['Debrief - Ada Lovelace - Compiler Engineer.pdf', 'Debrief - Ada Lovelace.pdf']);
  });
});

describe('Save as PDF without the desktop shell (web mode)', () => {
  it('says how to print from the browser instead', async () => {
    const temp = makeTempDir();
    const services = servicesFor(temp.dir);
    try {
      const interview = makeInterview({ startUtc: new Date(Date.now() - hour).toISOString() });
      createInterviewRepository(services.stores.database).putMany([interview]);
      const result = await dispatchCall(
        services.handlers,
        'debrief:savePdf',
        { id: interview.id },
        createMemoryLogger(),
      );
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Saving as PDF works in the desktop app. In the browser, use Print and choose “Save as PDF”.',
        },
      });
    } finally {
      await services.dispose();
      services.stores.database.close();
      temp.cleanup();
    }
  });
});
