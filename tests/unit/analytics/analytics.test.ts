import { describe, expect, it } from 'vitest';
import { actualMinutes, analyticsCsv, computeAnalytics, csvCell, outcomeOf } from '../../../main/analytics/analytics';
import type { Interview, JoinRecord } from '../../../preload/shared/contract/interview-schema';

let n = 0;
function interview(
  start: string,
  jobTitle: string,
  joins: JoinRecord[] = [],
  status: Interview['status'] = 'scheduled',
  duration = 60,
): Interview {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    candidate: { name: `Candidate ${n}`, email: `c${n}@example.com` },
    recruiter: { name: 'Rita', email: 'rita@example.com' },
    coInterviewers: [],
    jobTitle,
    startUtc: start,
    durationMinutes: duration,
    timeZone: 'Europe/Berlin',
    notes: '',
    candidateMessage: '',
    status,
    origin: 'recruiter',
    ics: { uid: `u${n}`, sequence: 0 },
    invitations: { candidate: { state: 'sent' }, recruiter: { state: 'sent' } },
    joins,
    reminders: { sent: [] },
    createdAt: start,
    updatedAt: start,
  };
}
const join = (a: string, b?: string): JoinRecord => ({
  joinedAt: a,
  ...(b ? { leftAt: b } : {}),
  via: b ? 'app' : 'browser',
});

// A fixture with answers worked out by hand (now = 2030-01-31).
const fixture = [
  interview('2030-01-07T09:00:00.000Z', 'Engineer', [join('2030-01-07T08:58:00.000Z', '2030-01-07T09:43:00.000Z')]), // 45 min
  interview('2030-01-08T09:00:00.000Z', 'Engineer', [
    join('2030-01-08T09:00:00.000Z', '2030-01-08T09:20:00.000Z'),
    join('2030-01-08T09:25:00.000Z', '2030-01-08T09:55:00.000Z'),
  ]), // 20+30 = 50
  interview('2030-01-09T09:00:00.000Z', 'Designer', [
    join('2030-01-09T09:00:00.000Z', '2030-01-09T10:00:00.000Z'),
    join('2030-01-09T09:30:00.000Z', '2030-01-09T10:10:00.000Z'),
  ]), // union 70
  interview('2030-01-14T09:00:00.000Z', 'Designer', [join('2030-01-14T09:01:00.000Z')]), // browser: completed, no duration
  interview('2030-01-15T09:00:00.000Z', 'Engineer'), // no join recorded
  interview('2030-01-16T09:00:00.000Z', 'Engineer', [], 'cancelled'),
  interview('2030-02-05T09:00:00.000Z', 'Engineer'), // outside the period
  interview('2030-01-31T12:00:00.000Z', 'Manager'), // later today: upcoming
];
const now = Date.parse('2030-01-31T08:00:00.000Z');

describe('analytics', () => {
  const report = computeAnalytics(fixture, { from: '2030-01-01', to: '2030-01-31', timeZone: 'Europe/Berlin' }, now);

  it('counts what the app saw: joins from the app, no join recorded, cancelled, upcoming', () => {
    expect(report).toMatchObject({ scheduled: 6, joinedInApp: 4, noJoinRecorded: 1, cancelled: 1, upcoming: 1 });
    expect(report).not.toHaveProperty('completed');
    expect(report).not.toHaveProperty('noShows');
  });

  it('nothing counts as joined before its end: pressing Join 15 minutes early is still upcoming', () => {
    const early = interview('2030-02-01T09:00:00.000Z', 'X', [join('2030-02-01T08:45:00.000Z')]);
    expect(outcomeOf(early, Date.parse('2030-02-01T08:46:00.000Z'))).toBe('upcoming');
    expect(outcomeOf(early, Date.parse('2030-02-01T09:59:59.000Z'))).toBe('upcoming');
    expect(outcomeOf(early, Date.parse('2030-02-01T10:00:00.000Z'))).toBe('joined_in_app');
    const r = computeAnalytics(
      [early],
      { from: '2030-02-01', to: '2030-02-01', timeZone: 'UTC' },
      Date.parse('2030-02-01T08:46:00.000Z'),
    );
    expect(r).toMatchObject({ scheduled: 1, joinedInApp: 0, upcoming: 1 });
    expect(r.perWeek.every((w) => w.joinedInApp === 0)).toBe(true);
  });

  it('a cancelled interview in the future counts as cancelled in a range that reaches it', () => {
    const tomorrow = interview('2030-02-01T09:00:00.000Z', 'X', [], 'cancelled');
    const upcoming = interview('2030-02-02T09:00:00.000Z', 'X');
    expect(
      computeAnalytics([tomorrow, upcoming], { from: '2030-01-01', to: '2030-03-02', timeZone: 'UTC' }, now),
    ).toMatchObject({ cancelled: 1, upcoming: 1, scheduled: 1 });
  });

  it('averages and medians real durations (overlaps merged; browser joins without a leave excluded)', () => {
    expect(actualMinutes(fixture[2]!)).toBe(70);
    expect(actualMinutes(fixture[3]!)).toBeNull();
    expect(report.averageMinutes).toBe(55); // (45 + 50 + 70) / 3
    expect(report.medianMinutes).toBe(50);
  });

  it('groups per week (Monday starts, zero weeks included) and per job title', () => {
    expect(report.perWeek).toEqual([
      { weekStart: '2029-12-31', count: 0, joinedInApp: 0 },
      { weekStart: '2030-01-07', count: 3, joinedInApp: 3 },
      { weekStart: '2030-01-14', count: 2, joinedInApp: 1 },
      { weekStart: '2030-01-21', count: 0, joinedInApp: 0 },
      { weekStart: '2030-01-28', count: 1, joinedInApp: 0 },
    ]);
    expect(report.byJobTitle).toEqual([
      { jobTitle: 'Engineer', scheduled: 3, joinedInApp: 2, noJoinRecorded: 1, cancelled: 1 },
      { jobTitle: 'Designer', scheduled: 2, joinedInApp: 2, noJoinRecorded: 0, cancelled: 0 },
      { jobTitle: 'Manager', scheduled: 1, joinedInApp: 0, noJoinRecorded: 0, cancelled: 0 },
    ]);
  });

  it('an interview is past from its scheduled end, while the join window is still open', () => {
    const i = { ...interview('2030-01-31T07:30:00.000Z', 'X'), durationMinutes: 5 };
    expect(outcomeOf(i, Date.parse('2030-01-31T07:34:59.000Z'))).toBe('upcoming');
    expect(outcomeOf(i, Date.parse('2030-01-31T07:35:00.000Z'))).toBe('no_join_recorded');
  });

  it('an empty period has no averages', () => {
    expect(computeAnalytics([], { from: '2030-01-01', to: '2030-01-02', timeZone: 'UTC' }, now)).toMatchObject({
      scheduled: 0,
      averageMinutes: null,
      medianMinutes: null,
    });
  });

  it('exports CSV with real join times and neutralised formulas', () => {
    const hostile = interview('2030-01-20T09:00:00.000Z', '=HYPERLINK("http://evil")', [
      join('2030-01-20T09:00:00.000Z', '2030-01-20T09:30:00.000Z'),
    ]);
    const csv = analyticsCsv(
      [...fixture, hostile],
      { from: '2030-01-01', to: '2030-01-31', timeZone: 'Europe/Berlin' },
      now,
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Interview ID","Candidate","Candidate email","Job title","Start","Planned minutes","Join recorded by the app","First join in the app","Last leave of the app window","Minutes in the app window"',
    );
    expect(lines).toHaveLength(1 + 8);
    expect(lines[1]).toContain(
      '"2030-01-07T10:00+01:00","60","You joined from the app","2030-01-07T09:58+01:00","2030-01-07T10:43+01:00","45"',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"No join from the app"');
    expect(csv).not.toMatch(/no-show|completed/i);
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
    expect(csvCell('a "b"')).toBe('"a ""b"""');
  });
});
