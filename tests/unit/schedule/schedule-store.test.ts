import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeskApi, type CallName, type EventName } from '../../../preload/shared/contract/ipc-contract';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { changedInPlace, createScheduleStore, type ScheduleView } from '../../../renderer/schedule/schedule-store';
import { manyInterviews, seedStore } from '../../support/interview-fixtures';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';

/** The renderer's API over the real composed services (the web bridge's shape, in process), counting each call. */
function realApi(dataDir: string) {
  const services = servicesFor(dataDir);
  const calls: CallName[] = [];
  const api = buildDeskApi({
    invoke: (name, input) => {
      calls.push(name);
      return dispatchCall(services.handlers, name, input, createMemoryLogger());
    },
    subscribe: (name: EventName, listener) =>
      services.events.listen((event, payload) => event === name && listener(payload)),
  });
  return { services, api, calls };
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the schedule store: pages from the database, and only the changed rows on interviews:changed', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let harness: ReturnType<typeof realApi>;
  const now = Date.now();
  const bounds = (query = '') => ({ query, todayStartMs: now - (now % 86_400_000), nowMs: now });
  beforeEach(() => {
    temp = makeTempDir();
    seedStore(temp.dir, {
      interviews: manyInterviews(600, now),
      settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' },
    });
    harness = realApi(temp.dir);
  });
  afterEach(async () => {
    await harness.services.dispose();
    harness.services.stores.database.close();
    temp.cleanup();
  });

  it('a change to one interview on screen fetches that row (and the section sizes), never a page or the whole list again', async () => {
    const store = createScheduleStore(harness.api, 50);
    await store.open(bounds());
    await store.ensure(0, 20);
    const first = store.get();
    expect(first.upcomingTotal + first.pastTotal).toBe(600);
    expect(first.rows.size).toBe(100);
    // Main's own event, as the web bridge and the preload deliver it.
    const off = harness.api.on('interviews:changed', ({ ids }) => void store.changed(ids));
    const [place, target] = [...first.rows].find(
      ([, row]) => row.status === 'scheduled' && Date.parse(row.startUtc) > now,
    )!;
    harness.calls.length = 0;
    harness.services.commands.cancel(target.id);
    await settle();
    off();
    expect(harness.calls.filter((c) => c === 'interviews:byIds')).toHaveLength(1);
    expect(harness.calls.filter((c) => c === 'interviews:list' || c === 'interviews:page')).toEqual([]);
    expect(store.get().rows.get(place)?.status).toBe('cancelled');
    expect(store.get().rows.size).toBe(100);
  });

  it('a new interview moves rows: only the pages on screen are read again, not the list', async () => {
    const store = createScheduleStore(harness.api, 50);
    await store.open(bounds());
    await store.ensure(0, 20);
    const off = harness.api.on('interviews:changed', ({ ids }) => void store.changed(ids));
    harness.calls.length = 0;
    const at = new Date(now + 2 * 86_400_000);
    const made = harness.services.commands.schedule({
      candidateName: 'Radia New',
      candidateEmail: 'radia@example.com',
      jobTitle: 'SRE',
      date: at.toISOString().slice(0, 10),
      time: '07:13',
      timeZone: 'UTC',
      durationMinutes: 30,
      notes: '',
      candidateMessage: '',
      acceptConflicts: true,
    });
    await settle();
    off();
    expect(harness.calls.filter((c) => c === 'interviews:list')).toEqual([]);
    expect(harness.calls.filter((c) => c === 'interviews:page')).toHaveLength(1);
    expect(store.get().upcomingTotal + store.get().pastTotal).toBe(601);
    await store.ensure(0, 200);
    expect([...store.get().rows.values()].some((row) => row.id === made.id)).toBe(true);
  });

  it('any place can be read, the end included, and the places hold every interview once; a search narrows in the database', async () => {
    const store = createScheduleStore(harness.api, 64);
    await store.open(bounds());
    const total = store.get().upcomingTotal + store.get().pastTotal;
    await store.ensure(total - 5, total - 1);
    const oldest = manyInterviews(600, now).sort(
      (a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc) || a.id.localeCompare(b.id),
    )[0]!;
    expect(store.get().rows.get(total - 1)?.id).toBe(oldest.id);
    await store.ensure(0, total - 1);
    expect(new Set([...store.get().rows.values()].map((row) => row.id)).size).toBe(600);
    await store.open(bounds('hopper'));
    const found = store.get();
    expect(found.query).toBe('hopper');
    expect(found.upcomingTotal + found.pastTotal).toBe(
      manyInterviews(600, now).filter((i) => i.candidate.name.includes('Hopper')).length,
    );
    for (const row of found.rows.values()) expect(row.candidateName).toContain('Hopper');
  });
});

describe('changedInPlace', () => {
  const row = (id: string, startUtc: string, status: 'scheduled' | 'cancelled' = 'scheduled') => ({
    id,
    candidateName: id,
    jobTitle: 'Engineer',
    startUtc,
    durationMinutes: 60,
    timeZone: 'UTC',
    status,
    hasMeetLink: true,
  });
  const bounds = {
    query: '',
    todayStartMs: Date.parse('2030-01-10T00:00:00Z'),
    nowMs: Date.parse('2030-01-10T12:00:00Z'),
  };
  const view: ScheduleView = {
    query: '',
    loading: false,
    next: null,
    upcomingTotal: 2,
    pastTotal: 1,
    rows: new Map([
      [0, row('a', '2030-01-10T13:00:00.000Z')],
      [1, row('b', '2030-01-11T09:00:00.000Z')],
      [2, row('p', '2030-01-09T09:00:00.000Z')],
    ]),
  };
  it('writes a changed row in its place; a new time, a new or gone interview, or other section sizes move rows', () => {
    expect(
      [
        ...changedInPlace(
          view,
          ['b', 'unseen'],
          [row('b', '2030-01-11T09:00:00.000Z', 'cancelled')],
          [2, 1],
          bounds,
        )!.values(),
      ].map((r) => r.status),
    ).toEqual(['scheduled', 'cancelled', 'scheduled']);
    expect(changedInPlace(view, ['b'], [row('b', '2030-01-11T10:00:00.000Z')], [2, 1], bounds)).toBeUndefined();
    expect(changedInPlace(view, ['b'], [], [2, 1], bounds)).toBeUndefined();
    expect(changedInPlace(view, ['n'], [row('n', '2030-01-12T09:00:00.000Z')], [2, 1], bounds)).toBeUndefined();
    expect(changedInPlace(view, ['a'], [row('a', '2030-01-10T13:00:00.000Z')], [3, 1], bounds)).toBeUndefined();
  });
});
