import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../preload/shared/contract/ipc-contract';
import type { PlannedReminder } from '../../../main/reminders/reminder-plan';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';

const inMinutes = (minutes: number) => {
  const start = new Date(Date.now() + minutes * 60_000);
  return { date: start.toISOString().slice(0, 10), time: start.toISOString().slice(11, 16) };
};

describe('one user action = one transaction', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: ReturnType<typeof servicesFor>;
  let fired: PlannedReminder[];
  let pushed: EventName[];
  const rows = (table: string) =>
    Number((services.stores.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  // Starts in 40 minutes: the 60-minute reminder is due at once (and skipped), so scheduling also records a reminder mark.
  const form = () => ({
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Engineer',
    ...inMinutes(40),
    timeZone: 'UTC',
    durationMinutes: 30,
    notes: '',
    candidateMessage: '',
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });

  beforeEach(() => {
    temp = makeTempDir();
    fired = [];
    pushed = [];
    services = servicesFor(temp.dir, { notifier: (r) => fired.push(r) });
    services.settings.update({
      recruiterName: 'Rita',
      recruiterEmail: 'rita@example.com',
      reminderOffsetsMinutes: [60],
    });
    // A connected account (status only; no token in this secret store): scheduling queues a Calendar job.
    services.stores.store.set('account', { state: 'connected', email: 'rita@example.com', name: 'Rita', scopes: [] });
    services.events.listen((name) => pushed.push(name));
  });
  afterEach(async () => {
    await services.dispose();
    services.stores.database.close();
    temp.cleanup();
  });

  it('"Schedule interview" writes the interview, its Google job, its invitations and its reminder mark together', () => {
    const interview = services.commands.schedule(form());
    expect(rows('interviews')).toBe(1);
    expect(services.calendar.queue.all().map((q) => [q.interviewId, q.op])).toEqual([[interview.id, 'create']]);
    expect(services.outbox.items().map((m) => [m.interviewId, m.recipient, m.kind])).toEqual([
      [interview.id, 'candidate', 'invitation'],
      [interview.id, 'recruiter', 'invitation'],
    ]);
    expect(rows('deliveries')).toBe(2);
    // The 60-minute moment had passed when the interview was created: recorded as handled in the same
    // transaction, never fired (a reminder for a moment that never was is not a missed one).
    expect(services.interviews.get(interview.id).reminders.sent.map((s) => s.key)).toEqual([
      `notification:60@${interview.startUtc}`,
    ]);
    expect(rows('reminder_marks')).toBe(1);
    expect(fired).toEqual([]);
    expect(pushed).toContain('interviews:changed');
  });

  it('a listener that throws rolls all of it back: no interview, no Google job, no mail, no mark, no notification, no event', () => {
    services.commands.onChange(() => {
      throw new Error('the disk is full');
    });
    expect(() => services.commands.schedule(form())).toThrow('the disk is full');
    for (const table of ['interviews', 'queue_items', 'deliveries', 'reminder_marks', 'joins'])
      expect(rows(table), table).toBe(0);
    expect(services.interviews.list()).toEqual([]);
    expect(fired).toEqual([]);
    expect(pushed).not.toContain('interviews:changed');
  });

  it('the same holds for a reschedule: the old time, its jobs and its marks stay as they were', () => {
    const interview = services.commands.schedule(form());
    const before = {
      row: services.interviews.get(interview.id),
      queue: services.calendar.queue.all(),
      mail: services.outbox.items(),
    };
    services.commands.onChange(() => {
      throw new Error('the disk is full');
    });
    expect(() =>
      services.commands.reschedule({ id: interview.id, ...inMinutes(24 * 60), timeZone: 'UTC', durationMinutes: 30 }),
    ).toThrow('the disk is full');
    expect(services.interviews.get(interview.id)).toEqual(before.row);
    expect(services.calendar.queue.all()).toEqual(before.queue);
    expect(services.outbox.items()).toEqual(before.mail);
  });
});
