import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository, type InterviewRepository } from '../../../main/database/interview-repository';
import type { Database } from '../../../main/database/database';
import { makeInterview } from '../../support/interview-fixtures';

const at = (iso: string) => Date.parse(iso);

describe('interview repository (SQLite)', () => {
  let db: Database;
  let repository: InterviewRepository;
  beforeEach(() => {
    db = openMemoryDatabase();
    repository = createInterviewRepository(db);
  });
  afterEach(() => db.close());

  it('round-trips the whole record: joins, deliveries and reminder marks in their own tables', () => {
    const interview = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      candidate: { name: 'José Ñúñez', email: 'jose@example.com', timeZone: 'America/Bogota' },
      joins: [
        { joinedAt: '2030-01-15T08:58:00.000Z', leftAt: '2030-01-15T09:40:00.000Z', via: 'app' },
        { joinedAt: '2030-01-15T09:41:00.000Z', via: 'browser' },
      ],
      invitations: {
        candidate: { state: 'sent', at: '2030-01-10T08:00:00.000Z' },
        recruiter: { state: 'failed', reason: '550 no', at: '2030-01-10T08:00:01.000Z' },
      },
      reminders: {
        sent: [
          { key: 'b', at: '2030-01-14T09:00:00.000Z' },
          { key: 'a', at: '2030-01-15T08:00:00.000Z' },
        ],
      },
      google: { eventId: 'ev1', state: 'synced', etag: '"1"' },
    });
    repository.put(interview);
    expect(repository.get(interview.id)).toEqual(interview);
    const row = db.prepare('SELECT start_ms, end_ms, status, origin, search, google_event_id FROM interviews').get();
    expect(row).toEqual({
      start_ms: at('2030-01-15T09:00:00.000Z'),
      end_ms: at('2030-01-15T10:00:00.000Z'),
      status: 'scheduled',
      origin: 'recruiter',
      search: 'jose nunez jose@example.com engineer',
      google_event_id: 'ev1',
    });
    expect(db.prepare('SELECT record FROM interviews').get()).not.toMatchObject({
      record: expect.stringContaining('invitations'),
    });
    // A change replaces the children, never duplicates them.
    repository.put({
      ...interview,
      joins: [],
      reminders: { sent: [] },
      invitations: { candidate: { state: 'none' }, recruiter: { state: 'none' } },
    });
    expect(repository.get(interview.id)).toMatchObject({
      joins: [],
      reminders: { sent: [] },
      invitations: { candidate: { state: 'none' }, recruiter: { state: 'none' } },
    });
    expect(
      db
        .prepare(
          'SELECT (SELECT count(*) FROM joins) + (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM reminder_marks) AS n',
        )
        .get(),
    ).toEqual({ n: 0 });
  });

  it("records one delivery without rewriting the interview: the candidate's row, a co-interviewer's in the record, updatedAt, and nothing else", () => {
    const interview = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      coInterviewers: [{ name: 'Pat', email: 'Pat@Example.com' }],
    });
    repository.put(interview);
    expect(repository.get(interview.id)!.invitations.candidate).toEqual({ state: 'none' });
    const sent = { state: 'sent', kind: 'invitation', at: '2030-01-10T08:00:00.000Z' } as const;
    expect(repository.setDelivery(interview.id, 'candidate', sent, '2030-01-10T08:00:00.500Z')).toBe(true);
    expect(
      repository.setDelivery(
        interview.id,
        'panel:pat@example.com',
        { state: 'failed', kind: 'invitation', reason: '550 "no"', at: '2030-01-10T08:00:01.000Z' },
        '2030-01-10T08:00:01.500Z',
      ),
    ).toBe(true);
    const after = repository.get(interview.id)!;
    expect(after).toEqual({
      ...interview,
      updatedAt: '2030-01-10T08:00:01.500Z',
      invitations: {
        candidate: sent,
        recruiter: { state: 'none' },
        panel: {
          'pat@example.com': {
            state: 'failed',
            kind: 'invitation',
            reason: '550 "no"',
            at: '2030-01-10T08:00:01.000Z',
          },
        },
      },
    });
    // A co-interviewer's new state replaces the old whole: the failure's reason does not outlive it.
    repository.setDelivery(
      interview.id,
      'panel:pat@example.com',
      { state: 'sent', kind: 'update', at: '2030-01-10T08:05:00.000Z' },
      '2030-01-10T08:05:00.000Z',
    );
    expect(repository.get(interview.id)!.invitations.panel).toEqual({
      'pat@example.com': { state: 'sent', kind: 'update', at: '2030-01-10T08:05:00.000Z' },
    });
    // Back to nothing: the row goes, as a whole-interview write would leave it.
    repository.setDelivery(interview.id, 'candidate', { state: 'none' }, '2030-01-10T08:00:02.000Z');
    expect(db.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 0 });
    // Unknown interviews and malformed states are refused; nothing is written for them.
    expect(repository.setDelivery('nope', 'candidate', sent, '2030-01-10T08:00:03.000Z')).toBe(false);
    expect(() =>
      repository.setDelivery(interview.id, 'recruiter', { state: 'lost' } as never, '2030-01-10T08:00:03.000Z'),
    ).toThrow();
    expect(repository.get(interview.id)!.invitations.recruiter).toEqual({ state: 'none' });
    // A rolled-back delivery leaves no trace, in the table or in what the next read returns.
    expect(() =>
      db.transaction(() => {
        repository.setDelivery(interview.id, 'recruiter', sent, '2030-01-10T08:00:04.000Z');
        throw new Error('undo');
      }),
    ).toThrow('undo');
    expect(repository.get(interview.id)!.invitations.recruiter).toEqual({ state: 'none' });
  });

  it("validates against the contract's schema: nothing malformed reaches the database", () => {
    const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    expect(() => repository.put({ ...interview, durationMinutes: 'long' as unknown as number })).toThrow();
    expect(() => repository.putMany([interview, { ...interview, id: 'not-a-uuid' }])).toThrow();
    expect(repository.count()).toBe(0);
  });

  it('answers overlaps and windows by start time from the index (long interviews included)', () => {
    const long = makeInterview({ startUtc: '2030-01-15T00:00:00.000Z', durationMinutes: 12 * 60 });
    const morning = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    const cancelled = makeInterview({ startUtc: '2030-01-15T09:30:00.000Z', status: 'cancelled' });
    const later = makeInterview({ startUtc: '2030-01-16T09:00:00.000Z' });
    repository.putMany([long, morning, cancelled, later]);
    expect(repository.overlapping(at('2030-01-15T09:30:00Z'), at('2030-01-15T10:30:00Z')).map((i) => i.id)).toEqual([
      long.id,
      morning.id,
    ]);
    expect(
      repository.overlapping(at('2030-01-15T09:30:00Z'), at('2030-01-15T10:30:00Z'), morning.id).map((i) => i.id),
    ).toEqual([long.id]);
    expect(repository.overlapping(at('2030-01-15T10:00:00Z'), at('2030-01-15T10:30:00Z')).map((i) => i.id)).toEqual([
      long.id,
    ]);
    expect(
      repository.startingBetween(at('2030-01-15T09:00:00Z'), at('2030-01-17T00:00:00Z'), 2).map((i) => i.id),
    ).toEqual([morning.id, cancelled.id]);
    repository.put({
      ...morning,
      reminders: { sent: [{ key: 'k', at: 'x' }], armedAt: '2030-01-14T08:00:00.000Z' },
      invitations: {
        ...morning.invitations,
        candidate: { state: 'sent', kind: 'invitation', at: '2030-01-14T08:00:05.000Z' },
      },
    });
    expect(repository.timingsBetween(at('2030-01-15T09:00:00Z'), at('2030-01-15T09:01:00Z'))).toEqual([
      {
        id: morning.id,
        status: 'scheduled',
        startUtc: morning.startUtc,
        origin: 'recruiter',
        createdAt: morning.createdAt,
        reminders: { sent: [{ key: 'k' }], armedAt: '2030-01-14T08:00:00.000Z' },
        invitations: { candidate: { at: '2030-01-14T08:00:05.000Z' } },
      },
    ]);
    expect(repository.get(morning.id)).toMatchObject({
      reminders: { armedAt: '2030-01-14T08:00:00.000Z' },
      invitations: { candidate: { state: 'sent', kind: 'invitation' } },
    });
    expect(repository.timingsBetween(at('2030-01-16T09:00:00Z'), at('2030-01-16T09:01:00Z'))).toEqual([
      {
        id: later.id,
        status: 'scheduled',
        startUtc: later.startUtc,
        origin: 'recruiter',
        createdAt: later.createdAt,
        reminders: { sent: [] },
        invitations: { candidate: {} },
      },
    ]);
  });

  it('a put inside a transaction that fails is undone with it', () => {
    const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    expect(() =>
      repository.transaction(() => {
        repository.put(interview);
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(repository.get(interview.id)).toBeUndefined();
    // Read (and kept in memory) before a change that is rolled back: the old version stays.
    repository.put(interview);
    expect(repository.all()).toEqual([interview]);
    expect(() =>
      repository.transaction(() => {
        repository.put({ ...interview, notes: 'rolled back' });
        expect(repository.get(interview.id)?.notes).toBe('rolled back');
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(repository.get(interview.id)).toEqual(interview);
    expect(repository.all()).toEqual([interview]);
    repository.put({ ...interview, notes: 'kept' });
    expect(repository.all()[0]?.notes).toBe('kept');
  });

  it('a record found unreadable on a read is left out of that read and every query after it, and never rewritten', () => {
    const bad = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      candidate: { name: 'Bad Row', email: 'bad@example.com' },
    });
    const good = makeInterview({
      startUtc: '2030-01-16T09:00:00.000Z',
      candidate: { name: 'Good Row', email: 'good@example.com' },
    });
    repository.putMany([bad, good]);
    db.prepare("UPDATE interviews SET record = json_set(record, '$.status', 'postponed') WHERE id = ?").run(bad.id);
    const stored = db.prepare('SELECT * FROM interviews WHERE id = ?').get(bad.id);
    const fresh = createInterviewRepository(db);
    expect(fresh.all().map((i) => i.id)).toEqual([good.id]);
    const window = { query: '', todayStartMs: at('2030-01-10T00:00:00.000Z'), nowMs: at('2030-01-10T08:00:00.000Z') };
    expect(fresh.count()).toBe(1);
    expect(fresh.scheduleCount({ ...window, section: 'upcoming' })).toBe(1);
    expect(fresh.schedulePage({ ...window, section: 'upcoming' }, 0, 10).map((i) => i.id)).toEqual([good.id]);
    expect(fresh.nextUnfinished(at('2030-01-10T08:00:00.000Z'))?.id).toBe(good.id);
    expect(fresh.timingsBetween(0, Number.MAX_SAFE_INTEGER).map((t) => t.id)).toEqual([good.id]);
    expect(fresh.nextReminderAt([60], false, at('2030-01-10T08:00:00.000Z'))).toBe(at('2030-01-16T08:00:00.000Z'));
    expect(fresh.startingBetween(0, Number.MAX_SAFE_INTEGER).map((i) => i.id)).toEqual([good.id]);
    // The next open knows it without reading it again.
    expect(createInterviewRepository(db).count()).toBe(1);
    expect(db.prepare('SELECT * FROM interviews WHERE id = ?').get(bad.id)).toEqual(stored);
  });
});
