import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import type { Database } from '../../../main/database/database';
import { owedScorecards, type OwedAttendance } from '../../../main/analytics/scorecard-sql';
import { makeInterview } from '../../support/interview-fixtures';
import { insertScorecard, makeScorecard } from '../../support/debrief-seed';

const hour = 3_600_000;
const start = Date.parse('2030-01-15T12:00:00.000Z');
const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' };

describe('the scorecards owed in a period, from the database', () => {
  let db: Database;
  beforeEach(() => (db = openMemoryDatabase()));
  afterEach(() => db.close());

  it('a period reaching past now owes what ended by now, with its submissions, and nothing after', () => {
    const ended = makeInterview({ startUtc: new Date(start).toISOString(), durationMinutes: 60 });
    const running = makeInterview({ startUtc: new Date(start + 10 * hour).toISOString(), durationMinutes: 120 });
    const upcoming = makeInterview({ startUtc: new Date(start + 30 * hour).toISOString(), durationMinutes: 30 });
    createInterviewRepository(db).putMany([ended, running, upcoming]);
    insertScorecard(db, makeScorecard(ended.id, rita, { submittedAt: new Date(start + 2 * hour).toISOString() }));
    // Written early, in the room: still not owed before the end.
    insertScorecard(db, makeScorecard(running.id, rita, { submittedAt: new Date(start + 11 * hour).toISOString() }));
    const now = start + 11 * hour;
    const owed = owedScorecards(db, start - 24 * hour, start + 72 * hour, now);
    expect(owed.map((o) => [o.interviewId, o.submittedMs ?? null])).toEqual([[ended.id, start + 2 * hour]]);
    // The same as a period that stops at now.
    expect(owedScorecards(db, start - 24 * hour, now, now)).toEqual(owed);
  });

  it('the recruiter’s and each panelist’s for every ended interview scheduled here, with the first submission', () => {
    const panel = makeInterview({
      startUtc: new Date(start).toISOString(),
      durationMinutes: 60,
      recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
      coInterviewers: [{ email: 'Pat@Example.com', name: 'Pat Panel' }, { email: 'sam@example.com' }],
    });
    const later = makeInterview({ startUtc: new Date(start + 5 * hour).toISOString(), durationMinutes: 30 });
    const cancelled = makeInterview({ startUtc: new Date(start + hour).toISOString(), status: 'cancelled' });
    const notEnded = makeInterview({ startUtc: new Date(start + 48 * hour).toISOString() });
    const copy = makeInterview({ startUtc: new Date(start + 2 * hour).toISOString(), origin: 'candidate' });
    createInterviewRepository(db).putMany([panel, later, cancelled, notEnded, copy]);
    const submitted = (h: number) => new Date(start + h * hour).toISOString();
    // The recruiter's own: the app's row, whatever address it was written under.
    insertScorecard(
      db,
      makeScorecard(panel.id, { ...rita, email: 'rita.account@example.com' }, { submittedAt: submitted(3) }),
    );
    insertScorecard(
      db,
      makeScorecard(
        panel.id,
        { kind: 'panelist', name: 'Pat', email: 'pat@example.com' },
        { submittedAt: submitted(30) },
      ),
    );
    // A draft is not a submission; someone off the panel owes nothing.
    insertScorecard(db, makeScorecard(later.id, rita, { state: 'draft', submittedAt: undefined }));
    insertScorecard(
      db,
      makeScorecard(
        panel.id,
        { kind: 'panelist', name: 'Old', email: 'old@example.com' },
        { submittedAt: submitted(2) },
      ),
    );

    const owed = owedScorecards(db, start, start + 24 * hour, start + 40 * hour);
    expect(owed.map((o) => [o.interviewId === panel.id ? 'panel' : 'later', o.name, o.submittedMs ?? null])).toEqual([
      ['panel', 'Rita Recruiter', start + 3 * hour],
      ['panel', 'Pat Panel', start + 30 * hour],
      ['panel', 'sam@example.com', null],
      ['later', 'Rita Recruiter', null],
    ]);
    expect(owed[0]!.endMs).toBe(start + hour);
  });
});

describe('who owes a scorecard, by Meet attendance', () => {
  let db: Database;
  beforeEach(() => (db = openMemoryDatabase()));
  afterEach(() => db.close());

  const person = (displayName: string, side: string) => ({ displayName, side });
  const at = (h: number) => new Date(start + h * hour).toISOString();

  it('nothing of a recruiter Meet says did not join; a panelist only when attended or unknown', () => {
    const nobody = makeInterview({
      startUtc: at(0),
      durationMinutes: 30,
      recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    });
    const panel = makeInterview({
      startUtc: at(2),
      durationMinutes: 60,
      recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
      coInterviewers: [
        { email: 'pat@example.com', name: 'Pat Panel' },
        { email: 'cy@example.com', name: 'Cy Panel' },
        { email: 'sam@example.com' },
      ],
    });
    const notRead = makeInterview({
      startUtc: at(4),
      durationMinutes: 30,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    });
    const cancelled = makeInterview({ startUtc: at(6), status: 'cancelled' });
    createInterviewRepository(db).putMany([nobody, panel, notRead, cancelled]);
    // A scorecard written anyway is not owed: it does not count for or against anyone.
    insertScorecard(db, makeScorecard(nobody.id, rita, { submittedAt: at(40) }));
    const reports = new Map([
      [nobody.id, { outcome: 'neither' as const, final: true, people: [] }],
      [
        panel.id,
        {
          outcome: 'completed' as const,
          final: true,
          people: [
            person('Rita Recruiter', 'interviewer'),
            person('Ada', 'candidate'),
            person('Pat Panel', 'unconfirmed'),
          ],
        },
      ],
    ]);

    const owed = owedScorecards(db, start, start + 24 * hour, start + 60 * hour, (id) => reports.get(id));
    const name = (id: string) => (id === nobody.id ? 'nobody' : id === panel.id ? 'panel' : 'notRead');
    // Cy did not join (a final report without them) and owes nothing; Sam has no name to match: unknown, owed.
    expect(owed.map((o) => [name(o.interviewId), o.name])).toEqual([
      ['panel', 'Rita Recruiter'],
      ['panel', 'Pat Panel'],
      ['panel', 'sam@example.com'],
      ['notRead', 'Rita Recruiter'],
      ['notRead', 'Pat Panel'],
    ]);
  });

  it('an unfinished report, or someone unidentified in the call, leaves the panel owing', () => {
    const interview = makeInterview({
      startUtc: at(0),
      coInterviewers: [{ email: 'cy@example.com', name: 'Cy Panel' }],
    });
    createInterviewRepository(db).put(interview);
    const owedWith = (report: OwedAttendance) =>
      owedScorecards(db, start, start + 24 * hour, start + 60 * hour, () => report).map((o) => o.email);
    const rita = person('Rita Recruiter', 'interviewer');
    expect(owedWith({ outcome: 'completed', final: false, people: [rita] })).toEqual([
      'rita@example.com',
      'cy@example.com',
    ]);
    expect(owedWith({ outcome: 'completed', final: true, people: [rita, person('Phone 1', 'unmatched')] })).toEqual([
      'rita@example.com',
      'cy@example.com',
    ]);
    expect(owedWith({ outcome: 'completed', final: true, people: [rita] })).toEqual(['rita@example.com']);
    // Only the candidate came: the recruiter owes nothing, whatever the report's state.
    expect(owedWith({ outcome: 'interviewer_no_show', final: false, people: [] })).toEqual(['cy@example.com']);
  });
});
