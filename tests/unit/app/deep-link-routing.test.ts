import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { simulatedTime } from '../../support/simulated-time';
import { DeskFailure } from '../../../main/app/desk-failure';
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
    const services = servicesFor(temp.dir, { clock: time.clock, timers: time.timers, notifier: (r) => fired.push(r) });
    const navigations: unknown[] = [];
    services.events.listen((name, payload) => name === 'app:navigate' && navigations.push(payload));
    cleanups.push(() => void services.dispose());
    return { services, navigations, time, fired };
  }

  it('opens an interview room, the device check, and refuses unknown interviews', () => {
    const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    const { services, navigations } = setup([interview]);
    expect(services.openDeepLink(`interview-desk://interview/${interview.id}`)).toEqual({ screen: 'interview', id: interview.id });
    expect(services.openDeepLink('interview-desk://device-check')).toEqual({ screen: 'device-check' });
    expect(navigations).toEqual([{ screen: 'interview', id: interview.id }, { screen: 'device-check' }]);
    expect(() => services.openDeepLink('interview-desk://interview/00000000-0000-4000-8000-000000000000')).toThrow(DeskFailure);
    expect(() => services.openDeepLink('interview-desk://join?meet=https://evil.com&start=2030-01-15T09:00:00Z')).toThrow(/abc-defg-hij/);
    expect(navigations).toHaveLength(2);
  });

  it('a join link saves the candidate\'s interview once, opens its room, and reminds like any interview', () => {
    const { services, navigations, time, fired } = setup();
    const link = 'interview-desk://join?meet=abc-defg-hij&start=2030-01-12T09%3A00%3A00.000Z&title=Staff+Engineer+interview';
    const target = services.openDeepLink(link) as { screen: 'interview'; id: string };
    expect(services.openDeepLink(link)).toEqual(target);
    const saved = services.interviews.get(target.id);
    expect(saved).toMatchObject({ origin: 'candidate', meetLink: 'https://meet.google.com/abc-defg-hij', startUtc: '2030-01-12T09:00:00.000Z', jobTitle: 'Staff Engineer interview' });
    expect(services.interviews.list()).toHaveLength(1);
    expect(navigations).toEqual([target, target]);
    // No invitations are sent for a candidate's own copy.
    expect(services.outbox.items()).toEqual([]);
    time.run(Date.parse('2030-01-12T09:00:00.000Z'));
    expect(fired.map((r) => r.offsetMinutes)).toEqual([1440, 60, 0]);
  });
});
