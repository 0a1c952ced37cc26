import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../support/temp-dir';
import { servicesFor } from '../../../support/test-services';
import { dispatchCall } from '../../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../../main/logging/logger';
import type { DeskServices } from '../../../../main/app/compose-services';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';

// On 2027-10-31 the clocks in Britain go back at 02:00 BST: 01:30 happens at 00:30 UTC, then at 01:30 UTC.
const twice = { date: '2027-10-31', time: '01:30', timeZone: 'Europe/London', durationMinutes: 45 };
const asked =
  '01:30 happens twice on 2027-10-31 in Europe/London (the clocks go back). Choose the first (UTC+01:00) or the second (UTC+00:00).';

describe('interviews handlers: moving an interview to a time that happens twice', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  let interview: Interview;
  // Through the same dispatch as both bridges: the contract parses the input, the handler answers.
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  beforeEach(async () => {
    temp = makeTempDir();
    services = servicesFor(temp.dir);
    await call('settings:update', { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
    const scheduled = await call('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Engineer',
      date: '2027-10-20',
      time: '10:00',
      timeZone: 'Europe/London',
      durationMinutes: 45,
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    interview = scheduled.value as Interview;
  });
  afterEach(async () => {
    await services.dispose();
    temp.cleanup();
  });

  it('asks which one, at the occurrence field, and moves nothing', async () => {
    expect(await call('interviews:reschedule', { id: interview.id, ...twice })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'occurrence', message: asked },
    });
    // The preview the dialog asks while typing says the same, before any save.
    expect(await call('interviews:preview', { ...twice, excludeId: interview.id })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'occurrence', message: asked },
    });
    const kept = await call('interviews:get', interview.id);
    expect(kept).toMatchObject({ ok: true, value: { startUtc: interview.startUtc, ics: { sequence: 0 } } });
  });

  it('moves to the first or the second one, as chosen', async () => {
    const first = await call('interviews:reschedule', { id: interview.id, ...twice, occurrence: 'earlier' });
    expect(first).toMatchObject({ ok: true, value: { startUtc: '2027-10-31T00:30:00.000Z', ics: { sequence: 1 } } });
    const second = await call('interviews:reschedule', { id: interview.id, ...twice, occurrence: 'later' });
    expect(second).toMatchObject({ ok: true, value: { startUtc: '2027-10-31T01:30:00.000Z', ics: { sequence: 2 } } });
    // The preview of the chosen one is the instant saved, and the interview's own time is no conflict.
    expect(await call('interviews:preview', { ...twice, occurrence: 'later', excludeId: interview.id })).toEqual({
      ok: true,
      value: { startUtc: '2027-10-31T01:30:00.000Z', endUtc: '2027-10-31T02:15:00.000Z', conflicts: [] },
    });
  });

  it('refuses an answer that is neither, in the words of the question', async () => {
    const answer = await call('interviews:reschedule', { id: interview.id, ...twice, occurrence: 'second' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'occurrence', message: 'Choose which of the two times you mean' },
    });
  });
});
