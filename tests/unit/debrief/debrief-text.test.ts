import { describe, expect, it } from 'vitest';
import { debriefText } from '../../../main/debrief/debrief-text';
import { buildDebriefInterview } from '../../../main/debrief/debrief-view';
import { timeStyleOf } from '../../../preload/shared/rules/time-format';
import { makeInterview } from '../../support/interview-fixtures';
import { makeScorecard } from '../../support/debrief-seed';
import { statusWords } from '../../../preload/shared/rules/artifact-words';

const interview = makeInterview({
  startUtc: '2030-01-15T12:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'Europe/Berlin',
  jobTitle: 'Compiler Engineer',
  candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
  recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
  coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
});
const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' };
const pat = { kind: 'panelist' as const, name: 'Pat Panel', email: 'pat@example.com' };
const style = timeStyleOf('en-GB');

const item = (
  othersShown: boolean,
  own = makeScorecard(interview.id, rita, {
    answers: {
      overall: 'strong_yes',
      takeaways: 'Clear thinker.\nWould hire.',
      ratings: { 'role-skills': { rating: 'strong_yes', note: 'Built a compiler.' } },
    },
  }),
) =>
  buildDebriefInterview({
    interview,
    own,
    others: [
      makeScorecard(interview.id, pat, {
        editedAt: '2030-01-16T09:00:00.000Z',
        answers: {
          overall: 'no',
          takeaways: 'Shaky on testing.',
          ratings: { 'role-skills': { rating: 'no', note: '' } },
        },
      }),
    ],
    othersShown,
    attendance: undefined,
    links: [{ kind: 'transcript', url: 'https://docs.google.com/document/d/t' }],
    transcriptEntries: 3,
  });

describe('the debrief as text', () => {
  it('reads like the screen: who said what, the criteria, takeaways, attendance and links', () => {
    const text = debriefText({ scope: 'interview', candidate: interview.candidate, interviews: [item(true)] }, style);
    expect(text).toBe(
      [
        'Debrief: Ada Lovelace <ada@example.com>',
        '',
        'Compiler Engineer, Tue, 15 Jan 2030, 13:00–14:00 CET',
        '',
        'Who said what',
        '- Rita Recruiter (you): Strong yes',
        '- Pat Panel: No (from the panel form) (edited after submitting)',
        '',
        'Criteria',
        '- Skills for the role: Rita Recruiter Strong yes; Pat Panel No',
        '    Rita Recruiter: Built a compiler.',
        '- Problem solving: Rita Recruiter —; Pat Panel —',
        '- Communication: Rita Recruiter —; Pat Panel —',
        '- Collaboration: Rita Recruiter —; Pat Panel —',
        '',
        'Key takeaways',
        '- Rita Recruiter: Clear thinker.',
        '      Would hire.',
        '- Pat Panel: Shaky on testing.',
        '',
        'Attendance',
        '- Attendance from Google Meet is not connected.',
        '',
        'Transcript and recording',
        '- Transcript (Google Docs): https://docs.google.com/document/d/t',
        '',
      ].join('\n'),
    );
  });

  it('says what is hidden and carries nothing of it', () => {
    const draft = makeScorecard(interview.id, rita, { state: 'draft', answers: { overall: 'yes' } });
    const text = debriefText(
      { scope: 'interview', candidate: interview.candidate, interviews: [item(false, draft)] },
      style,
    );
    expect(text).toContain('- Rita Recruiter (you): Yes (draft, not submitted)');
    expect(text).toContain('- Pat Panel: submitted (hidden until you submit yours)');
    expect(text).toContain("Submit yours to see the other interviewer's.");
    expect(text).not.toContain('Shaky on testing');
    expect(text).not.toMatch(/Pat Panel No/);
  });

  it('for a candidate: how many interviews, each one after the other', () => {
    const text = debriefText(
      { scope: 'candidate', candidate: interview.candidate, interviews: [item(true), item(true)] },
      style,
    );
    expect(text.split('\n')[0]).toBe('Debrief: Ada Lovelace <ada@example.com>, 2 interviews');
    expect(text.split('———').length).toBe(2);
  });
  it('without links says what the room says of Meet: not connected is not "nothing recorded"', () => {
    const blocked = buildDebriefInterview({
      interview,
      own: undefined,
      others: [],
      othersShown: true,
      attendance: undefined,
      links: [],
      transcriptEntries: 0,
      meet: {
        connection: 'not_connected',
        state: 'blocked',
        reason: 'scope_missing',
        notesOffered: true,
        artifacts: [],
        entries: [],
        waitingFor: [],
      },
    });
    const text = debriefText({ scope: 'interview', candidate: interview.candidate, interviews: [blocked] }, style);
    const section = text.split('Transcript and recording\n')[1]!.split('\n');
    expect(section[0]).toBe(`- ${statusWords(blocked.meet!, (iso) => iso)}`);
    expect(section[0]).toMatch(/connect/i);
    expect(text).not.toMatch(/No transcript, recording or notes/);
    const none = buildDebriefInterview({
      interview,
      own: undefined,
      others: [],
      othersShown: true,
      attendance: undefined,
      links: [],
      transcriptEntries: 0,
    });
    expect(debriefText({ scope: 'interview', candidate: interview.candidate, interviews: [none] }, style)).toContain(
      'Transcript and recording\n- Nothing from Google Meet is kept for this interview.',
    );
  });
  it('says a co-interviewer never asked is not asked yet, and why, with every time in the interview’s zone', () => {
    const newYork = {
      ...interview,
      timeZone: 'America/New_York',
      startUtc: '2026-12-06T05:40:00.000Z',
      durationMinutes: 45,
    };
    const asked = (connection: 'connected' | 'not_connected', status: 'waiting' | 'reminded') =>
      buildDebriefInterview({
        interview: newYork,
        own: undefined,
        others: [],
        othersShown: true,
        attendance: undefined,
        links: [],
        transcriptEntries: 0,
        panel: {
          interviewId: interview.id,
          applies: true,
          connection,
          form: { state: connection === 'connected' ? 'ready' : 'needs_scope' },
          people: [
            {
              email: 'pat@example.com',
              name: 'Pat Panel',
              attended: 'yes',
              status,
              reminders: status === 'reminded' ? 1 : 0,
              ...(status === 'reminded'
                ? { askedAt: '2026-12-06T06:25:00.000Z', remindedAt: '2026-12-07T14:00:00.000Z' }
                : {}),
            },
          ],
        },
      });
    const text = (i: ReturnType<typeof asked>) =>
      debriefText({ scope: 'interview', candidate: interview.candidate, interviews: [i] }, style);
    const notConnected = text(asked('not_connected', 'waiting'));
    expect(notConnected).toContain('Compiler Engineer, Sun, 6 Dec 2026, 00:40–01:25 GMT-5');
    expect(notConnected).toContain('- Pat Panel: Not asked yet (Google Forms not connected)');
    expect(notConnected).not.toMatch(/Pat Panel: no scorecard/);
    expect(text(asked('connected', 'reminded'))).toContain(
      '- Pat Panel: Asked Sun, 6 Dec 2026, 01:25 GMT-5, no answer yet · reminded once, Mon, 7 Dec 2026, 09:00 GMT-5',
    );
  });
});
