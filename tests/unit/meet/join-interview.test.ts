import { afterEach, describe, expect, it } from 'vitest';
import { createJoinInterview } from '../../../main/meet/join-interview';
import { timeStyleOf, type TimeStyle } from '../../../preload/shared/rules/time-format';
import { browserOnlyLauncher } from '../../../main/meet/meet-launcher';
import { defaultSettings } from '../../../preload/shared/contract/settings-schema';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { fixedClock } from '../../support/fixed-clock';

describe('join rule (main/meet/join-interview)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function setup(interview: ReturnType<typeof makeInterview>, joinOpensMinutesBefore: number, timeStyle?: TimeStyle) {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    seedStore(temp.dir, { interviews: [interview] });
    const clock = fixedClock('2030-01-15T08:30:00.000Z');
    const services = servicesFor(temp.dir, { clock });
    cleanups.push(() => void services.dispose());
    const opened: string[] = [];
    const join = createJoinInterview({
      interviews: services.interviews,
      commands: services.commands,
      settings: () => ({ ...defaultSettings(), joinOpensMinutesBefore }),
      clock,
      launcher: browserOnlyLauncher(async (url) => void opened.push(url)),
      ...(timeStyle ? { timeStyle } : {}),
    });
    return { join, opened, services };
  }

  it('opens the window as many minutes before the start as the settings say', async () => {
    const interview = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    await expect(setup(interview, 15).join(interview.id, 'browser')).rejects.toMatchObject({
      field: 'join',
      message: expect.stringMatching(/Joining opens 15 minutes/),
    });
    const { join, opened, services } = setup(interview, 30);
    expect(await join(interview.id, 'app')).toEqual({ via: 'browser' });
    expect(opened).toEqual(['https://meet.google.com/abc-defg-hij']);
    expect(services.interviews.get(interview.id).joins).toEqual([
      { joinedAt: '2030-01-15T08:30:00.000Z', via: 'browser' },
    ]);
  });

  it("says when joining opens as the recruiter's system writes a time", async () => {
    const interview = makeInterview({
      startUtc: '2030-01-15T14:00:00.000Z',
      timeZone: 'UTC',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    await expect(setup(interview, 15, timeStyleOf('en-US')).join(interview.id, 'browser')).rejects.toMatchObject({
      message: 'Joining opens 15 minutes before the start, at Tue, Jan 15, 1:45 PM UTC.',
    });
    await expect(setup(interview, 15, timeStyleOf('en-GB')).join(interview.id, 'browser')).rejects.toMatchObject({
      message: 'Joining opens 15 minutes before the start, at Tue 15 Jan, 13:45 UTC.',
    });
  });

  it('refuses a cancelled interview and one without a Meet link, opening nothing', async () => {
    const cancelled = makeInterview({
      startUtc: '2030-01-15T08:40:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      status: 'cancelled',
    });
    const first = setup(cancelled, 15);
    await expect(first.join(cancelled.id, 'browser')).rejects.toMatchObject({
      field: 'id',
      message: 'This interview was cancelled.',
    });
    const linkless = makeInterview({ startUtc: '2030-01-15T08:40:00.000Z', meetLink: '' });
    const second = setup(linkless, 15);
    await expect(second.join(linkless.id, 'browser')).rejects.toMatchObject({
      field: 'meetLink',
      message: expect.stringMatching(/no Meet link yet/),
    });
    expect([...first.opened, ...second.opened]).toEqual([]);
  });
});
