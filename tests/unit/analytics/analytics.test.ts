import { describe, expect, it } from 'vitest';
import { actualMinutes, analyticsCsv, computeAnalytics, csvCell, outcomeOf } from '../../../main/analytics/analytics';
import type { Interview, JoinRecord } from '../../../preload/contract/interview-schema';

const settings = { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 };
let n = 0;
function interview(start: string, jobTitle: string, joins: JoinRecord[] = [], status: Interview['status'] = 'scheduled', duration = 60): Interview {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    candidate: { name: `Candidate ${n}`, email: `c${n}@example.com` },
    recruiter: { name: 'Rita', email: 'rita@example.com' },
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
const join = (a: string, b?: string): JoinRecord => ({ joinedAt: a, ...(b ? { leftAt: b } : {}), via: b ? 'app' : 'browser' });

// A fixture with answers worked out by hand (now = 2030-01-31).
const fixture = [
  interview('2030-01-07T09:00:00.000Z', 'Engineer', [join('2030-01-07T08:58:00.000Z', '2030-01-07T09:43:00.000Z')]), // 45 min
  interview('2030-01-08T09:00:00.000Z', 'Engineer', [join('2030-01-08T09:00:00.000Z', '2030-01-08T09:20:00.000Z'), join('2030-01-08T09:25:00.000Z', '2030-01-08T09:55:00.000Z')]), // 20+30 = 50
  interview('2030-01-09T09:00:00.000Z', 'Designer', [join('2030-01-09T09:00:00.000Z', '2030-01-09T10:00:00.000Z'), join('2030-01-09T09:30:00.000Z', '2030-01-09T10:10:00.000Z')]), // union 70
  interview('2030-01-14T09:00:00.000Z', 'Designer', [join('2030-01-14T09:01:00.000Z')]), // browser: completed, no duration
  interview('2030-01-15T09:00:00.000Z', 'Engineer'), // no-show
  interview('2030-01-16T09:00:00.000Z', 'Engineer', [], 'cancelled'),
  interview('2030-02-05T09:00:00.000Z', 'Engineer'), // outside the period
  interview('2030-01-31T12:00:00.000Z', 'Manager'), // later today: upcoming
];
const now = Date.parse('2030-01-31T08:00:00.000Z');

describe('analytics', () => {
  const report = computeAnalytics(fixture, { from: '2030-01-01', to: '2030-01-31', timeZone: 'Europe/Berlin' }, settings, now);

  it('counts outcomes from real joins', () => {
    expect(report).toMatchObject({ scheduled: 6, completed: 4, noShows: 1, cancelled: 1, upcoming: 1 });
  });

  it('averages and medians real durations (overlaps merged; browser joins without a leave excluded)', () => {
    expect(actualMinutes(fixture[2]!)).toBe(70);
    expect(actualMinutes(fixture[3]!)).toBeNull();
    expect(report.averageMinutes).toBe(55); // (45 + 50 + 70) / 3
    expect(report.medianMinutes).toBe(50);
  });

  it('groups per week (Monday starts, zero weeks included) and per job title', () => {
    expect(report.perWeek).toEqual([
      { weekStart: '2029-12-31', count: 0, completed: 0 },
      { weekStart: '2030-01-07', count: 3, completed: 3 },
      { weekStart: '2030-01-14', count: 2, completed: 1 },
      { weekStart: '2030-01-21', count: 0, completed: 0 },
      { weekStart: '2030-01-28', count: 1, completed: 0 },
    ]);
    expect(report.byJobTitle).toEqual([
      { jobTitle: 'Engineer', scheduled: 3, completed: 2, noShows: 1, cancelled: 1 },
      { jobTitle: 'Designer', scheduled: 2, completed: 2, noShows: 0, cancelled: 0 },
      { jobTitle: 'Manager', scheduled: 1, completed: 0, noShows: 0, cancelled: 0 },
    ]);
  });

  it('a no-show is only declared after the join window closed', () => {
    const i = interview('2030-01-31T07:30:00.000Z', 'X');
    expect(outcomeOf(i, settings, Date.parse('2030-01-31T08:29:59.000Z'))).toBe('upcoming');
    expect(outcomeOf(i, settings, Date.parse('2030-01-31T08:30:00.000Z'))).toBe('no_show');
  });

  it('an empty period has no averages', () => {
    expect(computeAnalytics([], { from: '2030-01-01', to: '2030-01-02', timeZone: 'UTC' }, settings, now)).toMatchObject({ scheduled: 0, averageMinutes: null, medianMinutes: null });
  });

  it('exports CSV with real join times and neutralised formulas', () => {
    const hostile = interview('2030-01-20T09:00:00.000Z', '=HYPERLINK("http://evil")', [join('2030-01-20T09:00:00.000Z', '2030-01-20T09:30:00.000Z')]);
    const csv = analyticsCsv([...fixture, hostile], { from: '2030-01-01', to: '2030-01-31', timeZone: 'Europe/Berlin' }, settings, now);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('"Interview ID","Candidate","Candidate email","Job title","Start","Planned minutes","Outcome","First join","Last leave","Actual minutes"');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[1]).toContain('"2030-01-07T10:00+01:00","60","completed","2030-01-07T09:58+01:00","2030-01-07T10:43+01:00","45"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"no-show"');
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
    expect(csvCell('a "b"')).toBe('"a ""b"""');
  });
});
