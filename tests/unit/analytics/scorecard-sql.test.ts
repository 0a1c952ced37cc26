import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import type { Database } from '../../../main/database/database';
import { owedScorecards } from '../../../main/analytics/scorecard-sql';
import { makeInterview } from '../../support/interview-fixtures';
import { insertScorecard, makeScorecard } from '../../support/debrief-seed';

const hour = 3_600_000;
const start = Date.parse('2030-01-15T12:00:00.000Z');
const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' };

describe('the scorecards owed in a period, from the database', () => {
  let db: Database;
  beforeEach(() => (db = openMemoryDatabase()));
  afterEach(() => db.close());

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
