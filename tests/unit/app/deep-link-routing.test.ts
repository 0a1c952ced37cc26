import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { simulatedTime } from '../../support/simulated-time';
import { DeskFailure } from '../../../main/shared/desk-failure';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { PlannedReminder } from '../../../main/reminders/reminder-plan';

describe('deep-link routing and candidate mode', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function setup(seed = [] as ReturnType<typeof makeInterview>[]) {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    seedStore(temp.dir, { interviews: seed });
    const time = simulatedTime('2030-01-10T08:00:00.000Z');
    const fired: PlannedReminder[] = [];
    const services = servicesFor(temp.dir, {
      clock: time.clock,
      tuning: { timers: time.timers },
      notifier: (r) => fired.push(r),
    });
    const navigations: unknown[] = [];
    services.events.listen((name, payload) => name === 'app:navigate' && navigations.push(payload));
    cleanups.push(() => void services.dispose());
    return { services, navigations, time, fired };
  }

  it('opens an interview room, the device check, and refuses unknown interviews', () => {
    const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    const { services, navigations } = setup([interview]);
    expect(services.openDeepLink(`interview-desk://interview/${interview.id}`)).toEqual({
      screen: 'interview',
      id: interview.id,
    });
    expect(services.openDeepLink('interview-desk://device-check')).toEqual({ screen: 'device-check' });
    expect(navigations).toEqual([{ screen: 'interview', id: interview.id }, { screen: 'device-check' }]);
    expect(() => services.openDeepLink('interview-desk://interview/00000000-0000-4000-8000-000000000000')).toThrow(
      DeskFailure,
    );
    expect(() =>
      services.openDeepLink('interview-desk://join?meet=https://evil.com&start=2030-01-15T09:00:00Z'),
    ).toThrow(/abc-defg-hij/);
    expect(navigations).toHaveLength(2);
  });

  it('a join link saves nothing until the person confirms; then once, opens its room, and reminds like any interview', async () => {
    const { services, navigations, time, fired } = setup();
    const link =
      'interview-desk://join?meet=abc-defg-hij&start=2030-01-12T09%3A00%3A00.000Z&title=Staff+Engineer+interview';
    const call = (name: string, input: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
    // Opening the link only shows what it would save.
    expect(services.openDeepLink(link)).toEqual({ screen: 'join-preview', link });
    expect(navigations).toEqual([{ screen: 'join-preview', link }]);
    expect(services.interviews.list()).toEqual([]);
    expect(await call('deeplink:preview', link)).toEqual({
      ok: true,
      value: {
        title: 'Staff Engineer interview',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        startUtc: '2030-01-12T09:00:00.000Z',
      },
    });
    expect(services.interviews.list()).toEqual([]);
    // Confirmed: saved once; opening the same link again goes straight to it.
    const confirmed = await call('deeplink:confirmJoin', link);
    expect(confirmed).toMatchObject({
      ok: true,
      value: {
        origin: 'candidate',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        startUtc: '2030-01-12T09:00:00.000Z',
        jobTitle: 'Staff Engineer interview',
      },
    });
    const id = (confirmed as { value: { id: string } }).value.id;
    expect(await call('deeplink:confirmJoin', link)).toMatchObject({ ok: true, value: { id } });
    expect(services.openDeepLink(link)).toEqual({ screen: 'interview', id });
    expect(await call('deeplink:preview', link)).toMatchObject({ ok: true, value: { savedId: id } });
    expect(services.interviews.list()).toHaveLength(1);
    // No invitations are sent for a candidate's own copy.
    expect(services.outbox.items()).toEqual([]);
    time.run(Date.parse('2030-01-12T09:00:00.000Z'));
    expect(fired.map((r) => r.offsetMinutes)).toEqual([1440, 60, 0]);
  });

  it('refuses a sender-chosen title with control or direction characters, from a link or the invitation form', async () => {
    const { services } = setup();
    const call = (name: string, input: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
    for (const title of ['Evil\u202eeulav', 'Line\rATTENDEE:mailto:x@evil.test', 'C1\u0085next', 'Iso\u2066late']) {
      const link = `interview-desk://join?meet=abc-defg-hij&start=2030-01-12T09%3A00%3A00.000Z&title=${encodeURIComponent(title)}`;
      expect(() => services.openDeepLink(link), title).toThrow(/title in the invitation link contains/);
      expect(await call('deeplink:confirmJoin', link)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'link' },
      });
      expect(
        await call('candidate:save', {
          meetLink: 'https://meet.google.com/abc-defg-hij',
          date: '2030-01-12',
          time: '09:00',
          timeZone: 'UTC',
          title,
        }),
      ).toMatchObject({ ok: false, error: { field: 'title' } });
    }
    expect(services.interviews.list()).toEqual([]);
  });
});
