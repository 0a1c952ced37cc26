import { describe, expect, it } from 'vitest';
import { attendanceLines, buildDebriefInterview, type DebriefInputs } from '../../../main/debrief/debrief-view';
import { makeInterview } from '../../support/interview-fixtures';
import { makeScorecard } from '../../support/debrief-seed';
import type { AttendanceView } from '../../../preload/shared/contract/attendance-schema';

const interview = makeInterview({
  startUtc: '2030-01-15T13:00:00.000Z',
  durationMinutes: 45,
  recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
  coInterviewers: [{ email: 'Pat@Example.com', name: 'Pat Panel' }, { email: 'sam@example.com' }],
});
const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' };
const pat = { kind: 'panelist' as const, name: 'Pat Panel', email: 'pat@example.com' };

function inputs(overrides: Partial<DebriefInputs> = {}): DebriefInputs {
  return {
    interview,
    own: makeScorecard(interview.id, rita, {
      answers: {
        overall: 'strong_yes',
        takeaways: 'Clear thinker.',
        ratings: {
          'role-skills': { rating: 'strong_yes', note: 'Built a compiler.' },
          communication: { rating: 'yes', note: '' },
        },
      },
    }),
    others: [
      makeScorecard(interview.id, pat, {
        answers: {
          overall: 'no',
          takeaways: 'Shaky on testing.',
          ratings: { 'role-skills': { rating: 'no', note: '' } },
        },
      }),
    ],
    othersShown: true,
    attendance: undefined,
    links: [],
    transcriptEntries: 0,
    ...overrides,
  };
}

describe('one interview’s debrief', () => {
  it('says who said what: the recruiter first, then the panel in its order, without a verdict of its own', () => {
    const view = buildDebriefInterview(inputs());
    expect(view.interviewers.map((p) => [p.name, p.kind, p.state, p.overall ?? null, p.source ?? null])).toEqual([
      ['Rita Recruiter', 'recruiter', 'submitted', 'strong_yes', 'app'],
      ['Pat Panel', 'panelist', 'submitted', 'no', 'form'],
      // A panelist without a scorecard is named by address and said to have none yet.
      ['sam@example.com', 'panelist', 'missing', null, null],
    ]);
    expect(view.endUtc).toBe('2030-01-15T13:45:00.000Z');
    expect(view.hiddenNote).toBeUndefined();
    expect(Object.keys(view)).not.toContain('verdict');
  });

  it('lays the criteria out as criterion × interviewer, a cell per interviewer (empty where not rated)', () => {
    const view = buildDebriefInterview(inputs());
    const skills = view.criteria.find((c) => c.id === 'role-skills')!;
    expect(skills.name).toBe('Skills for the role');
    expect(skills.cells).toEqual([{ rating: 'strong_yes', note: 'Built a compiler.' }, { rating: 'no' }, {}]);
    expect(view.criteria.map((c) => c.id)).toEqual([
      'role-skills',
      'problem-solving',
      'communication',
      'collaboration',
    ]);
  });

  it('adds criteria another template rated, after the recruiter’s, in the order first met', () => {
    const other = makeScorecard(interview.id, pat, {
      criteria: [{ id: 'systems', name: 'Systems design', guidance: '' }],
      answers: { ratings: { systems: { rating: 'yes', note: 'Good trade-offs.' } } },
    });
    const view = buildDebriefInterview(inputs({ others: [other] }));
    expect(view.criteria.at(-1)).toEqual({
      id: 'systems',
      name: 'Systems design',
      cells: [{}, { rating: 'yes', note: 'Good trade-offs.' }, {}],
    });
  });

  it('holds the others back while the recruiter’s own is not submitted and Settings hides them, and says so', () => {
    const draft = makeScorecard(interview.id, rita, { state: 'draft', answers: { overall: 'yes' } });
    const view = buildDebriefInterview(inputs({ own: draft, othersShown: false }));
    expect(view.interviewers.map((p) => p.state)).toEqual(['draft', 'hidden', 'missing']);
    const hidden = view.interviewers[1]!;
    expect(hidden.overall).toBeUndefined();
    expect(hidden.takeaways).toBeUndefined();
    expect(view.hiddenNote).toBe(
      "Others' scorecards stay hidden until yours is submitted (Settings → Scorecards). Submit yours to see the other interviewer's.",
    );
    // Nothing of Pat's ratings reaches the table.
    expect(view.criteria.find((c) => c.id === 'role-skills')!.cells[1]).toEqual({});
    expect(JSON.stringify(view)).not.toContain('Shaky on testing');
  });

  it('never shows another interviewer’s draft, and keeps someone taken off the panel who sent one in', () => {
    const sent = makeScorecard(interview.id, { kind: 'panelist', name: 'Old Panel', email: 'old@example.com' });
    const draft = makeScorecard(
      interview.id,
      { kind: 'panelist', name: 'Sam', email: 'SAM@example.com' },
      { state: 'draft' },
    );
    const view = buildDebriefInterview(inputs({ others: [sent, draft] }));
    expect(view.interviewers.map((p) => [p.email, p.state])).toEqual([
      ['rita@example.com', 'submitted'],
      ['Pat@Example.com', 'missing'],
      ['sam@example.com', 'missing'],
      ['old@example.com', 'submitted'],
    ]);
  });

  it('names Meet’s links and keeps the count of transcript lines', () => {
    const view = buildDebriefInterview(
      inputs({
        links: [
          { kind: 'transcript', url: 'https://docs.google.com/document/d/t' },
          { kind: 'recording', url: 'https://drive.google.com/file/d/r' },
        ],
        transcriptEntries: 12,
      }),
    );
    expect(view.links).toEqual([
      { kind: 'transcript', label: 'Transcript (Google Docs)', url: 'https://docs.google.com/document/d/t' },
      { kind: 'recording', label: 'Recording (Google Drive)', url: 'https://drive.google.com/file/d/r' },
    ]);
    expect(view.transcriptEntries).toBe(12);
  });
});

describe('attendance in words', () => {
  const fetched: AttendanceView = {
    connection: 'connected',
    fetch: { state: 'fetched' },
    report: {
      conferences: 1,
      people: [],
      interviewerLateMinutes: 0,
      candidateLateMinutes: 4,
      together: { start: '2030-01-15T13:04:00.000Z', end: '2030-01-15T13:46:00.000Z', minutes: 42 },
      outcome: 'completed',
      final: true,
    },
  };
  it.each<[string, AttendanceView | undefined, string[]]>([
    [
      'Meet’s report',
      fetched,
      ['Both sides attended.', 'Interviewer: on time. Candidate: 4 minutes late.', '42 minutes together.'],
    ],
    [
      'a candidate who never came, still open',
      {
        ...fetched,
        report: {
          ...fetched.report!,
          outcome: 'candidate_no_show',
          candidateLateMinutes: undefined,
          together: undefined,
          final: false,
        },
      },
      [
        'The candidate did not join. (the meeting may still be going on)',
        'Interviewer: on time. Candidate: did not join.',
        'Not together in the call.',
      ],
    ],
    [
      'not connected',
      { connection: 'not_connected', fetch: { state: 'none' } },
      ['Attendance from Google Meet is not connected.'],
    ],
    ['no view at all', undefined, ['Attendance from Google Meet is not connected.']],
    [
      'connected, not read yet',
      { connection: 'connected', fetch: { state: 'none' } },
      ['Attendance has not been read from Google Meet yet.'],
    ],
    [
      'a reason from the fetch',
      { connection: 'connected', fetch: { state: 'failed', message: 'Google Meet has no record of this meeting.' } },
      ['Google Meet has no record of this meeting.'],
    ],
  ])('%s', (_name, view, lines) => {
    expect(attendanceLines(view)).toEqual(lines);
  });
});
