import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { eventually, googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { loadEnvConfig } from '../../../main/config/env-config';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import { databasePaths } from '../../../main/database/open-database';
import { readRestoreHold } from '../../../main/database/restore-hold';
import type { OpenedStores } from '../../../main/database/open-stores';
import type { DeskServices } from '../../../main/app/compose-services';
import type { RestorePending } from '../../../preload/shared/contract/ipc-contract';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const pad = (n: number) => String(n).padStart(2, '0');
const form = (days: number, name: string, time = '10:00') => {
  const d = new Date(Date.now() + days * 86_400_000);
  return {
    candidateName: name,
    candidateEmail: `${name.toLowerCase()}@example.com`,
    jobTitle: 'Engineer',
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time,
    timeZone: 'UTC',
    durationMinutes: 30,
    acceptConflicts: true,
  };
};

/**
 * The last good copy holds what was queued when it was taken: after restoring it nothing of that
 * goes out on its own. Google Calendar is read in full first (Google wins), then the person sends
 * or drops each message.
 */
describe('restoring the last good copy (emulator + SMTP sink + real files)', () => {
  let g: GoogleEmulator;
  let sink: SmtpSink;
  const temp = makeTempDir();
  const secrets = memorySecretStore();
  let services: DeskServices & { stores: OpenedStores };
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  /** The app as it starts on this data dir; `smtp` gives it a mail server. */
  const start = (smtp: boolean) =>
    (services = googleServices(g, temp.dir, {
      keychainService: 'unused',
      secrets,
      overrides: {
        config: loadEnvConfig({ ...g.env, ...(smtp ? { INTERVIEW_DESK_SMTP_URL: sink.url } : {}) }, temp.dir),
      },
    }));

  beforeAll(async () => {
    g = await startGoogleEmulator();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await g.close();
    await sink.close();
    temp.cleanup();
  });
  /** Stops the app as a quit does: services first, then the database. */
  const stop = async () => {
    await services.dispose();
    services.stores.database.close();
  };
  afterEach(async () => {
    if (services) await stop();
  });

  it('holds both queues, lets Google win, and sends or drops each message on request, even across a restart', async () => {
    // The copy: Ada's invitations waiting (no mail server yet), her move to 14:00 waiting for Google
    // (the account needed reconnecting), and Grace's event not created yet.
    start(false);
    await call('account:connect');
    const ada = await call<Interview>('interviews:schedule', form(3, 'Ada'));
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    services.account.markNeedsReconnect('test');
    const moved = await call<Interview>('interviews:reschedule', { id: ada.id, ...form(3, 'Ada', '14:00') });
    const grace = await call<Interview>('interviews:schedule', form(4, 'Grace'));
    expect(
      services.calendar.queue
        .all()
        .map((c) => c.op)
        .sort(),
    ).toEqual(['create', 'update']);
    services.stores.keepGoodCopy();
    await stop();
    // Since the copy: Ada's event was moved in Google Calendar to 16:00; then the database is damaged.
    const newer = new Date(Date.parse(ada.startUtc) + 6 * 3600_000).toISOString();
    g.calendar.editAsUser(eventIdFor(ada.id), {
      start: { dateTime: newer, timeZone: 'UTC' },
      end: { dateTime: new Date(Date.parse(newer) + 30 * 60_000).toISOString(), timeZone: 'UTC' },
    });
    fs.writeFileSync(databasePaths(temp.dir).file, 'this is not a database '.repeat(100));

    // Restored, with a mail server now and Google still to reconnect: nothing goes anywhere.
    const before = g.requests.length;
    const calendarWrites = () =>
      g.requests.slice(before).filter((r) => r.path.includes('/calendar/') && r.method !== 'GET');
    start(true);
    expect(services.interviews.get(ada.id).startUtc).toBe(moved.startUtc);
    await services.outbox.drain();
    await services.calendar.runQuietly('test');

    const held = await call<RestorePending>('restore:pending');
    expect(held.calendarRead).toBe(false);
    expect(held.messages.map((m) => `${m.candidateName} ${m.kind} ${m.recipientName}`).sort()).toEqual([
      'Ada invitation Ada',
      'Ada invitation you',
    ]);
    expect(sink.received).toHaveLength(0);
    expect(calendarWrites()).toEqual([]);

    // A restart before the person decides keeps holding.
    await stop();
    start(true);
    await services.outbox.drain();
    expect((await call<RestorePending>('restore:pending')).messages).toHaveLength(2);
    expect(sink.received).toHaveLength(0);

    // Connected again: Calendar is read in full and Google's newer time wins; Grace's create still goes,
    // and her invitations (queued once her Meet link came, after the restore) go as usual.
    await call('account:connect');
    await eventually(() => expect((services.interviews.get(ada.id) as Interview).startUtc).toBe(newer));
    await eventually(() => expect(g.calendar.peek(eventIdFor(grace.id))).toBeDefined());
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    expect(calendarWrites().filter((r) => r.path.includes(eventIdFor(ada.id)))).toEqual([]);
    expect(String((g.calendar.peek(eventIdFor(ada.id))!.start as { dateTime: string }).dateTime)).toBe(newer);
    const read = await call<RestorePending>('restore:pending');
    expect(read.calendarRead).toBe(true);
    expect(read.messages.filter((m) => m.oldTime).map((m) => m.candidateName)).toEqual(['Ada', 'Ada']);
    await eventually(() =>
      expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual(['grace@example.com', 'recruiter@example.com']),
    );
    await services.outbox.drain();
    sink.received.length = 0;

    // Send Ada's, drop the copy of hers to you: exactly one message, at Google's time.
    const adaTo = (name: string) =>
      read.messages.find((m) => m.candidateName === 'Ada' && m.recipientName === name)!.key;
    await call('restore:send', { keys: [adaTo('Ada')] });
    await call('restore:drop', { keys: [adaTo('you')] });
    await eventually(() => expect(sink.received).toHaveLength(1));
    await services.outbox.drain();
    expect(sink.received.map((m) => m.envelope.to)).toEqual([['ada@example.com']]);
    expect(services.interviews.get(ada.id).invitations.recruiter).toMatchObject({
      state: 'failed',
      reason: 'dropped after restoring a copy',
    });
    const dropAgain = await dispatchCall(
      services.handlers,
      'restore:drop',
      { keys: [adaTo('you')] },
      createMemoryLogger(),
    );
    expect(dropAgain).toMatchObject({ ok: false, error: { message: 'These messages were already sent or dropped.' } });

    // Nothing left to decide: the hold ends.
    expect((await call<RestorePending>('restore:pending')).messages).toEqual([]);
    expect(readRestoreHold(services.stores.database)).toBeUndefined();
  });
});
