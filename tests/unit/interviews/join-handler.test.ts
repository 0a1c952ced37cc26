import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { MeetLauncher } from '../../../main/meet/meet-launcher';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { fixedClock } from '../../support/fixed-clock';

describe('interviews:join', () => {
  const temps: Array<() => void> = [];
  afterEach(() => temps.splice(0).forEach((c) => c()));

  function setup(start: string, appWindow: boolean, meetLink = 'https://meet.google.com/abc-defg-hij') {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    const interview = makeInterview({ startUtc: start, meetLink });
    seedStore(temp.dir, { interviews: [interview] });
    const clock = fixedClock('2030-01-15T08:50:00.000Z');
    const opened: string[] = [];
    let leave: (() => void) | undefined;
    const launcher: MeetLauncher = {
      openInApp: async (_i, onLeave) => {
        if (!appWindow) return false;
        leave = onLeave;
        return true;
      },
      openInBrowser: async (url) => void opened.push(url),
      setAlwaysOnTop: () => {},
    };
    const services = servicesFor(temp.dir, { clock, meetLauncher: launcher });
    const join = (via: 'app' | 'browser') =>
      dispatchCall(services.handlers, 'interviews:join', { id: interview.id, via }, createMemoryLogger());
    return { services, interview, clock, opened, join, leave: () => leave?.() };
  }

  it('refuses before the window opens and after it closes, with the time it opens', async () => {
    const { join, clock, services, interview } = setup('2030-01-15T10:00:00.000Z', true);
    const early = await join('app');
    expect(early).toMatchObject({ ok: false, error: { field: 'join' } });
    if (!early.ok) expect(early.error.message).toMatch(/Joining opens 15 minutes before the start, at .*10:45/);
    clock.set('2030-01-15T11:00:00.000Z');
    expect(await join('app')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/ended/) } });
    expect(services.interviews.get(interview.id).joins).toEqual([]);
  });

  it('records the join when the app window opens and the leave when it closes', async () => {
    const { join, clock, services, interview, leave } = setup('2030-01-15T09:00:00.000Z', true);
    expect(await join('app')).toEqual({ ok: true, value: { via: 'app' } });
    clock.set('2030-01-15T09:40:00.000Z');
    leave();
    expect(services.interviews.get(interview.id).joins).toEqual([
      { joinedAt: '2030-01-15T08:50:00.000Z', leftAt: '2030-01-15T09:40:00.000Z', via: 'app' },
    ]);
  });

  it('opens nothing for a stored link that is not a Meet URL (data saved before links were checked)', async () => {
    for (const appWindow of [true, false]) {
      const { join, opened, services, interview } = setup(
        '2030-01-15T09:00:00.000Z',
        appWindow,
        'http://evil.example/phish',
      );
      for (const via of ['app', 'browser'] as const)
        expect(await join(via)).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'meetLink' } });
      expect(opened).toEqual([]);
      expect(services.interviews.get(interview.id).joins).toEqual([]);
    }
  });

  it('falls back to the browser where there is no app window, and says so', async () => {
    const { join, opened, services, interview } = setup('2030-01-15T09:00:00.000Z', false);
    expect(await join('app')).toEqual({ ok: true, value: { via: 'browser' } });
    expect(opened).toEqual(['https://meet.google.com/abc-defg-hij']);
    expect(services.interviews.get(interview.id).joins).toEqual([
      { joinedAt: '2030-01-15T08:50:00.000Z', via: 'browser' },
    ]);
  });
});
