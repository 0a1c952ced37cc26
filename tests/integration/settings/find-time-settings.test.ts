import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { DeskServices } from '../../../main/app/compose-services';
import type { FreeBusyAnswer } from '../../../preload/shared/contract/ipc-contract';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { Settings } from '../../../preload/shared/contract/settings-schema';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { seedStore } from '../../support/interview-fixtures';

/** Find a time without Google, and its Settings: working hours and days, the candidate's hours. */
describe('Find a time settings and the form without Google', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  const start = (settings?: Record<string, unknown>) => {
    const temp = makeTempDir();
    if (settings) seedStore(temp.dir, { settings });
    const services: DeskServices = servicesFor(temp.dir);
    cleanups.push(async () => {
      await services.dispose();
      temp.cleanup();
    });
    return (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  };

  it('defaults: 09:00–17:00 Monday to Friday for you, 08:00–20:00 for the candidate', async () => {
    const call = start();
    const got = await call('settings:get');
    expect(got.ok && (got.value as Settings).workingHours).toEqual({
      start: '09:00',
      end: '17:00',
      days: [1, 2, 3, 4, 5],
    });
    expect(got.ok && (got.value as Settings).candidateHours).toEqual({ start: '08:00', end: '20:00' });
  });

  it('refuses bad hours beside each field, in the screen’s words, and keeps what was saved', async () => {
    const call = start();
    expect(
      (
        await call('settings:update', {
          workingHours: { start: '08:30', end: '18:00', days: [1, 2, 3, 4] },
          candidateHours: { start: '07:00', end: '21:00' },
        })
      ).ok,
    ).toBe(true);
    const refusals = [
      [
        { workingHours: { start: '17:00', end: '09:00', days: [1] } },
        'workingHours.end',
        'Working hours must end after they start',
      ],
      [
        { workingHours: { start: '9am', end: '17:00', days: [1] } },
        'workingHours.start',
        'Working hours start must be a time like 09:00',
      ],
      [
        { workingHours: { start: '09:00', end: '17:00', days: [] } },
        'workingHours.days',
        'Pick at least one working day',
      ],
      [
        { workingHours: { start: '09:00', end: '17:00', days: [1, 1] } },
        'workingHours.days',
        'Each working day can be picked once',
      ],
      [
        { candidateHours: { start: '20:00', end: '08:00' } },
        'candidateHours.end',
        "Candidate's hours must end after they start",
      ],
      [
        { candidateHours: { start: '08:00', end: '25:00' } },
        'candidateHours.end',
        "Candidate's hours end must be a time like 09:00",
      ],
    ] as const;
    for (const [patch, field, message] of refusals) {
      const result = await call('settings:update', patch);
      expect(result.ok, JSON.stringify(patch)).toBe(false);
      if (!result.ok) expect(result.error.fields).toEqual([{ field, message }]);
    }
    const kept = await call('settings:get');
    expect(kept.ok && (kept.value as Settings).workingHours).toEqual({
      start: '08:30',
      end: '18:00',
      days: [1, 2, 3, 4],
    });
    expect(kept.ok && (kept.value as Settings).candidateHours).toEqual({ start: '07:00', end: '21:00' });
  });

  it('a hand-edited bad value is reported, not used, and the rest of Settings still works', async () => {
    const call = start({ workingHours: { start: '18:00', end: '09:00', days: [1] }, companyName: 'Acme' });
    const problems = await call('settings:problems');
    expect(problems.ok && problems.value).toEqual([
      { field: 'workingHours.end', message: 'Working hours must end after they start' },
    ]);
    const got = await call('settings:get');
    expect(got.ok && (got.value as Settings).workingHours.start).toBe('09:00');
  });

  it('no Google: free/busy says it needs the connection and still carries the app’s interviews', async () => {
    const call = start({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
    const d = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await call('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Engineer',
      date: d,
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      notes: '',
      coInterviewers: [{ email: 'pat@example.com' }],
    });
    expect(scheduled.ok).toBe(true);
    const answer = await call('findTime:busy', {
      timeMin: `${d}T00:00:00Z`,
      timeMax: `${d}T23:59:00Z`,
      coInterviewers: ['pat@example.com'],
    });
    expect(answer.ok).toBe(true);
    const value = (answer as { value: FreeBusyAnswer }).value;
    expect(value.google).toBe('disconnected');
    expect(value.message).toBe(
      'Free/busy needs the Google connection: connect your Google account to see your calendar and your panel’s. Only interviews in Interview Desk are shown.',
    );
    expect(value.people).toEqual([
      { who: 'recruiter', status: 'unknown', busy: [] },
      { who: 'pat@example.com', status: 'unknown', busy: [] },
    ]);
    const id = (scheduled as { value: Interview }).value.id;
    expect(value.appBusy).toEqual([
      { id, candidateName: 'Ada Lovelace', start: `${d}T10:00:00.000Z`, end: `${d}T10:45:00.000Z` },
    ]);
    // The interview being moved does not count against itself.
    const moving = await call('findTime:busy', { timeMin: `${d}T00:00:00Z`, timeMax: `${d}T23:59:00Z`, excludeId: id });
    expect(moving.ok && (moving.value as FreeBusyAnswer).appBusy).toEqual([]);
    // A range Google would refuse is refused here first, in words.
    const tooLong = await call('findTime:busy', {
      timeMin: `${d}T00:00:00Z`,
      timeMax: new Date(Date.parse(`${d}T00:00:00Z`) + 70 * 86_400_000).toISOString(),
    });
    expect(!tooLong.ok && tooLong.error.message).toBe('Free/busy looks at up to 62 days at once');
  });
});
