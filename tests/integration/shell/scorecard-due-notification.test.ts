import { afterEach, describe, expect, it } from 'vitest';
import { Notification, resetFakeElectron } from '../../fakes/electron';
import { showScorecardDueNotification } from '../../../main/shell/notifications';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';

const hour = 3_600_000;
let cleanup: () => Promise<void> = async () => {};
afterEach(async () => {
  await cleanup();
  resetFakeElectron();
});

describe('"Scorecard due" from the real services to the desktop notification (fake electron)', () => {
  it('an hour after the end shows one native notification whose click opens the room, and the event for the window', async () => {
    const temp = makeTempDir();
    const interview = makeInterview({
      startUtc: '2030-03-04T09:00:00.000Z',
      durationMinutes: 60,
      candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
      jobTitle: 'Compiler Engineer',
    });
    seedStore(temp.dir, { interviews: [interview], settings: { firstRunDone: true } });
    const now = Date.parse('2030-03-04T10:00:00.000Z') + hour + 5 * 60_000;
    const opened: string[] = [];
    const services = servicesFor(temp.dir, {
      clock: { now: () => now },
      // What main/shell/main.ts passes: the native notification, a click navigating to the room.
      scorecardDueNotifier: (i, at) => void showScorecardDueNotification(i, at, { open: (id) => opened.push(id) }),
    });
    cleanup = async () => {
      await services.dispose();
      services.stores.database.close();
      temp.cleanup();
    };
    const shown = Notification.shown.filter((n) => String(n.options.title).startsWith('Scorecard due'));
    expect(shown.map((n) => n.options.title)).toEqual(['Scorecard due: Ada Lovelace, Compiler Engineer']);
    expect(String(shown[0]!.options.body)).toContain('ended 1 h 5 min ago');
    shown[0]!.emit('click');
    expect(opened).toEqual([interview.id]);
    // Checked again (a change, a wake): never twice.
    services.events.emit('scorecards:changed', { ids: [interview.id] });
    expect(Notification.shown.filter((n) => String(n.options.title).startsWith('Scorecard due'))).toHaveLength(1);
  });
});
