import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import { makeTempDir } from '../../support/temp-dir';
import { eventually, googleServices } from '../../support/google-harness';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const pad = (n: number) => String(n).padStart(2, '0');
const form = (days: number, name: string) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return {
    candidateName: name,
    candidateEmail: `${name.toLowerCase()}@example.com`,
    jobTitle: 'Engineer',
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: '10:00',
    timeZone: 'UTC',
    durationMinutes: 30,
    acceptConflicts: true,
  };
};

describe('two-way sync (emulator + real keychain)', () => {
  const { g } = googleForFile();
  const keychainService = `interview-desk-test-${process.pid}-sync`;
  const keychain = createKeytarSecretStore(keychainService);
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  const interviews: Interview[] = [];

  beforeEach(async () => {
    temp = makeTempDir();
    services = googleServices(g, temp.dir, {
      keychainService,
      overrides: {
        tuning: {
          google: {
            syncPageSize: 2,
            retry: { baseDelayMs: 5, maxDelayMs: 20, totalCapMs: 2000 },
            conferencePollMs: [10, 10],
          },
        },
      },
    });
    await call('account:connect');
    interviews.length = 0;
    for (const [i, name] of ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara'].entries()) {
      interviews.push(((await call('interviews:schedule', form(3 + i, name))) as { value: Interview }).value);
    }
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    g.calendar.insertForeign({ summary: 'Dentist' });
    await services.calendar.sync(); // first (full) sync stores a token
  });
  afterEach(async () => {
    await services.dispose();
    for (const account of await keychain.accounts()) await keychain.delete(account);
    temp.cleanup();
  });

  it("a copy of an interview's event made in Google Calendar carries its id but cannot move or cancel it", async () => {
    const [ada] = interviews as [Interview];
    const original = g.calendar.peek(eventIdFor(ada.id))!;
    const later = new Date(Date.parse(ada.startUtc) + 5 * 3600_000).toISOString();
    // "Duplicate" in Calendar: a new event with the same private properties, then moved and cancelled.
    const copy = g.calendar.insertForeign({
      summary: original.summary,
      extendedProperties: original.extendedProperties,
      start: { dateTime: later },
      end: { dateTime: new Date(Date.parse(later) + 3600_000).toISOString() },
    });
    await services.calendar.sync();
    g.calendar.deleteAsUser(copy);
    await services.calendar.sync();
    const kept = services.interviews.get(ada.id);
    expect(kept).toMatchObject({ status: 'scheduled', startUtc: ada.startUtc, durationMinutes: ada.durationMinutes });
    expect(kept.google?.eventId).toBe(eventIdFor(ada.id));
  });

  it('an unchanged calendar costs one request', async () => {
    const result = await services.calendar.sync();
    expect(result).toEqual({ changed: 0, requests: 1 });
  });

  it('follows changes made in Google Calendar: moved, declined, deleted', async () => {
    const [ada, grace, alan] = interviews as [Interview, Interview, Interview];
    const newStart = new Date(Date.parse(ada.startUtc) + 2 * 3600_000).toISOString();
    const newEnd = new Date(Date.parse(newStart) + 60 * 60_000).toISOString();
    g.calendar.editAsUser(eventIdFor(ada.id), {
      start: { dateTime: newStart, timeZone: 'UTC' },
      end: { dateTime: newEnd, timeZone: 'UTC' },
    });
    g.calendar.respondAsAttendee(eventIdFor(grace.id), 'grace@example.com', 'declined');
    g.calendar.deleteAsUser(eventIdFor(alan.id));
    const result = await call('google:syncNow');
    expect(result).toEqual({ ok: true, value: { changed: 3 } });
    const movedAda = services.interviews.get(ada.id);
    expect(movedAda.startUtc).toBe(newStart);
    expect(movedAda.durationMinutes).toBe(60);
    expect(movedAda.google!.sequence).toBe(1);
    // Moved in Calendar: reminders re-armed from now, so a moment already past is skipped, not fired as missed.
    expect(Date.parse(movedAda.reminders.armedAt!)).toBeGreaterThan(Date.parse(ada.reminders.armedAt ?? ada.createdAt));
    expect(movedAda.reminders.sent).toEqual([]);
    expect(services.interviews.get(grace.id).google!.attendeeDeclined).toBe(true);
    expect(services.interviews.list().find((i) => i.id === grace.id)!.attention).toBe('The candidate declined');
    expect(services.interviews.get(alan.id).status).toBe('cancelled');
    // Events the app did not create are never imported.
    expect(services.interviews.list()).toHaveLength(5);
  });

  it('an event whose times cannot be read is skipped with a warning; a length past 8 hours is held to 480 minutes', async () => {
    const [ada, grace, alan] = interviews as [Interview, Interview, Interview];
    g.calendar.editAsUser(eventIdFor(ada.id), { start: { dateTime: 'not-a-date', timeZone: 'UTC' } });
    g.calendar.editAsUser(eventIdFor(alan.id), { end: { dateTime: '2030-13-45T99:00:00Z', timeZone: 'UTC' } });
    const graceEnd = new Date(Date.parse(grace.startUtc) + 10 * 3600_000).toISOString();
    g.calendar.editAsUser(eventIdFor(grace.id), { end: { dateTime: graceEnd, timeZone: 'UTC' } });
    const result = await call('google:syncNow');
    expect(result).toEqual({ ok: true, value: { changed: 1 } });
    for (const kept of [ada, alan]) {
      expect(services.interviews.get(kept.id)).toMatchObject({
        startUtc: kept.startUtc,
        durationMinutes: kept.durationMinutes,
      });
    }
    expect(services.interviews.get(grace.id)).toMatchObject({ startUtc: grace.startUtc, durationMinutes: 480 });
    expect(
      (services as DeskServices & { lines: string[] }).lines.filter((l) =>
        /cannot be read; the interview was left as it was/.test(l),
      ),
    ).toHaveLength(2);
    // The rest of the calendar still syncs: a later good change is taken.
    const newStart = new Date(Date.parse(ada.startUtc) + 3600_000).toISOString();
    g.calendar.editAsUser(eventIdFor(ada.id), {
      start: { dateTime: newStart, timeZone: 'UTC' },
      end: { dateTime: new Date(Date.parse(newStart) + 45 * 60_000).toISOString(), timeZone: 'UTC' },
    });
    expect(await call('google:syncNow')).toMatchObject({ ok: true });
    expect(services.interviews.get(ada.id)).toMatchObject({ startUtc: newStart, durationMinutes: 45 });
  });

  it("pages through changes (3 pages of 2) and keeps the last page's sync token", async () => {
    for (const i of interviews) g.calendar.editAsUser(eventIdFor(i.id), { description: 'touched' });
    const result = await services.calendar.sync();
    expect(result.requests).toBe(3);
    expect((await services.calendar.sync()).requests).toBe(1);
  });

  it('410 Gone: drops the token and does a full sync', async () => {
    g.calendar.expireSyncTokens();
    const mark = g.requests.length;
    const result = await services.calendar.sync();
    const lists = g.requests.slice(mark).filter((r) => r.path.endsWith('/events') && r.method === 'GET');
    expect(lists[0]!.query.syncToken).toBeDefined();
    expect(lists.slice(1).every((r) => r.query.syncToken === undefined)).toBe(true);
    // The refused incremental request, then every event on the calendar in pages of 2.
    expect(result.requests).toBe(1 + Math.ceil(g.calendar.all().length / 2));
    expect((await services.calendar.sync()).requests).toBe(1);
  });
});
