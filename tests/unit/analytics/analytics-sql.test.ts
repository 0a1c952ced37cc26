import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../main/analytics/analytics';
import { aggregateAnalytics } from '../../../main/analytics/analytics-sql';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { checkInterviewRecords } from '../../../main/database/unreadable-interviews';
import type { Database } from '../../../main/database/database';
import type { Interview, JoinRecord } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';

const base = Date.parse('2030-03-01T00:00:00.000Z');
const jobs = ['Engineer', 'Designer', 'SRE', 'Support Lead', 'Ünïcode "quoted"'];

/** A seeded random history: starts over ~4 months (DST changes included), every status, joins with and without leaves, overlapping ones. */
function history(count: number, seed: number): Interview[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    // Some on the same minute, many around midnight (week edges), any length.
    const start = base + Math.floor(random() * 120 * 96) * 15 * 60_000;
    const durationMinutes = [15, 30, 45, 60, 90, 480][Math.floor(random() * 6)]!;
    const joins: JoinRecord[] = [];
    for (let j = Math.floor(random() * 3); j > 0; j--) {
      const joinedAt = start + Math.floor((random() - 0.3) * durationMinutes) * 60_000;
      joins.push(
        random() < 0.7
          ? {
              joinedAt: new Date(joinedAt).toISOString(),
              leftAt: new Date(joinedAt + Math.floor(random() * 90 - 5) * 60_000).toISOString(),
              via: 'app',
            }
          : { joinedAt: new Date(joinedAt).toISOString(), via: 'browser' },
      );
    }
    return makeInterview({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      startUtc: new Date(start).toISOString(),
      durationMinutes,
      jobTitle: jobs[Math.floor(random() * jobs.length)]!,
      status: random() < 0.15 ? 'cancelled' : 'scheduled',
      joins,
    });
  });
}

describe('analytics aggregated in SQL = the in-memory report over the same interviews', () => {
  let db: Database;
  beforeEach(() => (db = openMemoryDatabase()));
  afterEach(() => db.close());

  it('for random periods, zones and moments (fast-check over a seeded history)', () => {
    const repository = createInterviewRepository(db);
    repository.putMany(history(900, 7));
    const all = repository.all();
    const day = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: -10, max: 125 }),
        fc.integer({ min: 0, max: 140 }),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe'),
        fc.integer({ min: 0, max: 130 * 24 }),
        (from, length, timeZone, nowHours) => {
          runs++;
          const query = { from: day(from), to: day(from + length), timeZone };
          const now = base + nowHours * 3600_000;
          expect(aggregateAnalytics(db, query, now)).toEqual(computeAnalytics(all, query, now));
        },
      ),
      { numRuns: 60, seed: 20301 },
    );
    console.log(`analytics SQL = in-memory: ${runs} runs over 900 interviews`);
  });

  it('an empty period and an empty database give the same empty report', () => {
    const query = { from: '2030-01-01', to: '2030-01-20', timeZone: 'Europe/Berlin' };
    expect(aggregateAnalytics(db, query, base)).toEqual(computeAnalytics([], query, base));
  });

  it('leaves out an interview this version cannot read, as the schedule does', () => {
    const interviews = history(60, 11);
    createInterviewRepository(db).putMany(interviews);
    db.prepare(
      "UPDATE interviews SET origin = 'agency', record = json_set(record, '$.origin', 'agency') WHERE id = ?",
    ).run(interviews[0]!.id);
    expect(checkInterviewRecords(db).map((r) => r.id)).toEqual([interviews[0]!.id]);
    const readable = createInterviewRepository(db).all();
    expect(readable).toHaveLength(59);
    const query = { from: '2030-02-20', to: '2030-07-20', timeZone: 'Europe/Berlin' };
    const now = base + 200 * 86_400_000;
    expect(aggregateAnalytics(db, query, now)).toEqual(computeAnalytics(readable, query, now));
  });

  it('counts a just-ended interview as past at its end, though its join window is still open', () => {
    // 03:01–03:06, the window open until 04:01: at 03:08 it is no longer upcoming.
    const ended = makeInterview({
      id: '00000000-0000-4000-8000-000000000001',
      startUtc: '2030-03-04T03:01:00.000Z',
      durationMinutes: 5,
      joins: [],
    });
    const joined = makeInterview({
      id: '00000000-0000-4000-8000-000000000002',
      startUtc: '2030-03-04T03:01:00.000Z',
      durationMinutes: 5,
      joins: [{ joinedAt: '2030-03-04T03:00:00.000Z', leftAt: '2030-03-04T03:06:00.000Z', via: 'app' }],
    });
    const later = makeInterview({
      id: '00000000-0000-4000-8000-000000000003',
      startUtc: '2030-03-04T05:00:00.000Z',
      durationMinutes: 30,
    });
    createInterviewRepository(db).putMany([ended, joined, later]);
    const query = { from: '2030-03-01', to: '2030-03-10', timeZone: 'UTC' };
    const at = (iso: string) => aggregateAnalytics(db, query, Date.parse(iso));
    expect(at('2030-03-04T03:05:59.000Z')).toMatchObject({
      scheduled: 3,
      upcoming: 3,
      joinedInApp: 0,
      noJoinRecorded: 0,
    });
    expect(at('2030-03-04T03:06:00.000Z')).toMatchObject({
      scheduled: 3,
      upcoming: 1,
      joinedInApp: 1,
      noJoinRecorded: 1,
      averageMinutes: 6,
    });
    expect(at('2030-03-04T03:08:00.000Z')).toMatchObject({ upcoming: 1, joinedInApp: 1, noJoinRecorded: 1 });
  });
});
