import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../../support/google-for-file';
import { eventually, googleServices } from '../../../support/google-harness';
import { memorySecretStore } from '../../../support/test-services';
import { makeTempDir } from '../../../support/temp-dir';
import { icsAttachment } from '../../../support/mail-harness';
import { parseWithPython } from '../../../support/ics-check';
import { dispatchCall } from '../../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../../main/logging/logger';
import { eventIdFor } from '../../../../main/google/calendar/event-mapping';
import { databasePaths } from '../../../../main/database/open-database';
import { readRestoreHold } from '../../../../main/database/restore-hold';
import type { OpenedStores } from '../../../../main/database/open-stores';
import type { DeskServices } from '../../../../main/app/compose-services';
import type { RestorePending } from '../../../../preload/shared/contract/ipc-contract';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (daysAhead: number) => {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const form = (name: string, date: string) => ({
  candidateName: name,
  candidateEmail: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
  jobTitle: 'Engineer',
  date,
  time: '10:00',
  timeZone: 'UTC',
  durationMinutes: 30,
  notes: '',
  acceptConflicts: true,
});

/**
 * The last good copy put back after a move and a cancel made in Google
 * Calendar: the full read in which Google wins takes both in and marks them as not emailed, exactly
 * as a normal read does, so the room offers Send update and Send cancellation.
 */
describe('Google Calendar read after restoring a copy (emulator + SMTP sink + real SQLite files)', () => {
  const { g, sink } = googleForFile({ smtp: true });
  const temp = makeTempDir();
  const secrets = memorySecretStore();
  let services: DeskServices & { stores: OpenedStores };
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const start = () => (services = googleServices(g, temp.dir, { keychainService: 'unused', secrets, smtp: sink }));
  const stop = async () => {
    await services.dispose();
    services.stores.database.close();
  };

  afterAll(() => temp.cleanup());
  afterEach(async () => {
    if (services) await stop();
  });

  it('marks a move and a cancel made in Calendar since the copy as not emailed; Send update and Send cancellation tell everyone', async () => {
    start();
    await call('account:connect');
    const alan = await call<Interview>('interviews:schedule', form('Alan Turing', day(5)));
    const linus = await call<Interview>('interviews:schedule', form('Linus Pauling', day(6)));
    await eventually(() => expect(sink.received).toHaveLength(4));
    await eventually(() => expect(services.interviews.get(alan.id).invitations.candidate.state).toBe('sent'));
    await eventually(() => expect(services.interviews.get(linus.id).invitations.candidate.state).toBe('sent'));
    const invitationSequence = parseWithPython(
      icsAttachment(sink.received.find((m) => m.envelope.to.includes('alan@example.com'))!),
    ).sequence;
    services.stores.keepGoodCopy();

    // After the copy: Alan's event moved to 15:00 and Linus's deleted in Google Calendar, and read.
    const moved = `${day(5)}T15:00:00.000Z`;
    g.calendar.editAsUser(eventIdFor(alan.id), {
      start: { dateTime: moved, timeZone: 'UTC' },
      end: { dateTime: `${day(5)}T15:30:00.000Z`, timeZone: 'UTC' },
    });
    g.calendar.deleteAsUser(eventIdFor(linus.id));
    await call('google:syncNow');
    expect(services.interviews.get(alan.id).google?.calendarChange?.kind).toBe('moved');
    await stop();

    // The database is damaged: the app puts the copy back and holds it, as after a restore by hand.
    fs.writeFileSync(databasePaths(temp.dir).file, 'this is not a database '.repeat(100));
    start();
    expect(services.interviews.get(alan.id).startUtc).toBe(alan.startUtc);
    expect(services.interviews.get(alan.id).google?.calendarChange).toBeUndefined();
    expect(readRestoreHold(services.stores.database)).toMatchObject({ calendarRead: false });
    await call('google:syncNow');

    const alanNow = services.interviews.get(alan.id);
    expect(alanNow.startUtc).toBe(moved);
    expect(alanNow.google?.calendarChange).toMatchObject({
      kind: 'moved',
      was: { startUtc: alan.startUtc, durationMinutes: 30 },
    });
    const linusNow = services.interviews.get(linus.id);
    expect(linusNow.status).toBe('cancelled');
    expect(linusNow.google?.calendarChange).toMatchObject({ kind: 'cancelled', was: { startUtc: linus.startUtc } });
    expect(await call<RestorePending>('restore:pending')).toMatchObject({ calendarRead: true, messages: [] });
    // Marked, not emailed.
    await services.outbox.drain();
    expect(sink.received).toHaveLength(4);

    await call<Interview>('interviews:sendCalendarChange', alan.id);
    await call<Interview>('interviews:sendCalendarChange', linus.id);
    await eventually(() => expect(sink.received).toHaveLength(8));
    const toAlan = sink.received.filter((m) => m.envelope.to.includes('alan@example.com')).at(-1)!;
    expect(toAlan.parsed.text).toMatch(/\(was [^)]*10:00/);
    const update = parseWithPython(icsAttachment(toAlan));
    expect(update).toMatchObject({ method: 'REQUEST', start: moved });
    expect(update.sequence).toBeGreaterThan(invitationSequence);
    const toLinus = sink.received.filter((m) => m.envelope.to.includes('linus@example.com')).at(-1)!;
    expect(parseWithPython(icsAttachment(toLinus)).method).toBe('CANCEL');
    expect(services.interviews.get(alan.id).google?.calendarChange).toBeUndefined();
    expect(services.interviews.get(linus.id).google?.calendarChange).toBeUndefined();
  });
});
