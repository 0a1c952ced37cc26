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
import { attentionReason } from '../../../../preload/shared/rules/interview-attention';
import { calendarChangeWords } from '../../../../renderer/interview-room/calendar-change-words';
import { utcDateAhead } from '../../../support/schedule-form';

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
 * The last good copy put back after a move and a cancel made in Google Calendar, or after a move
 * made (and emailed) here: the full read in which Google wins takes them in and marks them as
 * changes that may or may not have been emailed (the copy cannot tell whose they were), so the room
 * offers Send update and Send cancellation for the person to decide.
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

  it('marks a move and a cancel made in Calendar since the copy; Send update and Send cancellation tell everyone', async () => {
    start();
    await call('account:connect');
    const alan = await call<Interview>('interviews:schedule', form('Alan Turing', utcDateAhead(5)));
    const linus = await call<Interview>('interviews:schedule', form('Linus Pauling', utcDateAhead(6)));
    await eventually(() => expect(sink.received).toHaveLength(4));
    await eventually(() => expect(services.interviews.get(alan.id).invitations.candidate.state).toBe('sent'));
    await eventually(() => expect(services.interviews.get(linus.id).invitations.candidate.state).toBe('sent'));
    const invitationSequence = parseWithPython(
      icsAttachment(sink.received.find((m) => m.envelope.to.includes('alan@example.com'))!),
    ).sequence;
    services.stores.keepGoodCopy();

    // After the copy: Alan's event moved to 15:00 and Linus's deleted in Google Calendar, and read.
    const moved = `${utcDateAhead(5)}T15:00:00.000Z`;
    g.calendar.editAsUser(eventIdFor(alan.id), {
      start: { dateTime: moved, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(5)}T15:30:00.000Z`, timeZone: 'UTC' },
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
      afterRestore: true,
    });
    const linusNow = services.interviews.get(linus.id);
    expect(linusNow.status).toBe('cancelled');
    expect(linusNow.google?.calendarChange).toMatchObject({
      kind: 'cancelled',
      was: { startUtc: linus.startUtc },
      afterRestore: true,
    });
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

  it('marks the app’s own emailed move, made after the copy, as uncertain: the room never says no one was emailed', async () => {
    start();
    await call('account:connect');
    const ada = await call<Interview>('interviews:schedule', form('Ada Lovelace', utcDateAhead(7)));
    await eventually(() => expect(services.interviews.get(ada.id).invitations.candidate.state).toBe('sent'));
    await eventually(() => expect(services.interviews.get(ada.id).google?.state).toBe('synced'));
    // The invitation and the recruiter's copy of it have both arrived before anything is counted.
    await eventually(() => expect(sink.received).toHaveLength(2));
    services.stores.keepGoodCopy();

    // After the copy: the recruiter moves it here; the update is emailed and Google's event follows.
    const before = sink.received.length;
    await call<Interview>('interviews:reschedule', {
      id: ada.id,
      ...form('Ada Lovelace', utcDateAhead(8)),
      time: '14:00',
    });
    const moved = `${utcDateAhead(8)}T14:00:00.000Z`;
    await eventually(() =>
      expect(services.interviews.get(ada.id).invitations.candidate).toMatchObject({ state: 'sent', kind: 'update' }),
    );
    await eventually(() => expect(services.interviews.get(ada.id).google?.state).toBe('synced'));
    expect((g.calendar.peek(eventIdFor(ada.id))?.start as { dateTime?: string } | undefined)?.dateTime).toBe(moved);
    // The candidate's and the recruiter's copy of the update: both arrived before the count is kept.
    await eventually(() => expect(sink.received).toHaveLength(before + 2));
    const updatesSent = sink.received.length;
    await stop();

    // The copy is put back: it still has the old time and remembers only the invitation.
    fs.writeFileSync(databasePaths(temp.dir).file, 'this is not a database '.repeat(100));
    start();
    expect(services.interviews.get(ada.id).startUtc).toBe(ada.startUtc);
    await call('google:syncNow');

    const adaNow = services.interviews.get(ada.id);
    expect(adaNow.startUtc).toBe(moved);
    expect(adaNow.google?.calendarChange).toMatchObject({
      kind: 'moved',
      was: { startUtc: ada.startUtc },
      afterRestore: true,
    });
    const words = calendarChangeWords(adaNow, 'UTC')!;
    expect(words.line).toMatch(/People may already have been emailed about it/);
    expect(words.line).not.toMatch(/has not emailed/);
    expect(attentionReason(adaNow)).toMatch(/check whether people were told/);
    await services.outbox.drain();
    expect(sink.received).toHaveLength(updatesSent);

    // A later move made in Calendar, read normally, keeps the doubt: the mark still measures from the copy.
    g.calendar.editAsUser(eventIdFor(ada.id), {
      start: { dateTime: `${utcDateAhead(8)}T16:00:00.000Z`, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(8)}T16:30:00.000Z`, timeZone: 'UTC' },
    });
    await call('google:syncNow');
    expect(services.interviews.get(ada.id).google?.calendarChange).toMatchObject({
      kind: 'moved',
      was: { startUtc: ada.startUtc },
      afterRestore: true,
    });
  });
});
