import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseAttendance,
  candidateWaiting,
  namesMatch,
  type InterviewForAttendance,
} from '../../../main/attendance/attendance-analysis';
import type { ConferenceAttendance, ParticipantIdentity } from '../../../main/attendance/meet-records';

const t = (hhmm: string, date = '2030-03-04') => `${date}T${hhmm}:00.000Z`;
const interview: InterviewForAttendance = {
  scheduledStart: t('10:00'),
  scheduledEnd: t('10:45'),
  meetingCode: 'abc-mnop-xyz',
  interviewers: [
    { user: 'users/1001', email: 'recruiter@example.com', name: 'Rita Recruiter' },
    { email: 'pat@example.com', name: 'Pat Panel' },
  ],
  candidateName: 'Ada Lovelace',
};
const rita: ParticipantIdentity = { kind: 'signedin', user: 'users/1001', displayName: 'Rita Recruiter' };
const ada: ParticipantIdentity = { kind: 'anonymous', displayName: 'Ada Lovelace' };

let counter = 0;
function conference(
  start: string,
  end: string | undefined,
  people: Array<[ParticipantIdentity, Array<[string, string?]>]>,
): ConferenceAttendance {
  const name = `conferenceRecords/r${++counter}`;
  return {
    record: { name, startTime: start, ...(end ? { endTime: end } : {}) },
    participants: people.map(([identity, sessions], i) => ({
      participant: { name: `${name}/participants/p${i}`, identity },
      sessions: sessions.map(([s, e], j) => ({
        name: `${name}/participants/p${i}/participantSessions/s${j}`,
        startTime: s,
        ...(e ? { endTime: e } : {}),
      })),
    })),
  };
}
const later = { now: Date.parse(t('13:00')) };

describe('attendance analysis', () => {
  it('counts only interview time: a tab left open in the call for hours, or an early join, is clipped to the window; the joins shown are the real ones', () => {
    // The window is 09:45–11:15 (15 minutes before, 30 after). Rita joined at 09:30 and left the tab open until 13:00.
    const long = conference(t('09:30'), t('13:00'), [
      [rita, [[t('09:30'), t('13:00')]]],
      [ada, [[t('10:02'), t('12:40')]]],
    ]);
    const report = analyseAttendance(interview, [long], { now: Date.parse(t('14:00')) });
    const byName = Object.fromEntries(report.people.map((p) => [p.displayName, p]));
    expect(byName['Rita Recruiter']).toMatchObject({
      firstJoin: t('09:30'),
      lateMinutes: 0,
      presentMinutes: 90,
      sessions: [{ start: t('09:30'), end: t('13:00') }],
    });
    expect(byName['Ada Lovelace']).toMatchObject({
      firstJoin: t('10:02'),
      lateMinutes: 2,
      presentMinutes: 73,
      sessions: [{ start: t('10:02'), end: t('12:40') }],
    });
    expect(report).toMatchObject({
      outcome: 'completed',
      interviewerJoinedAt: t('09:30'),
      interviewerLateMinutes: 0,
      candidateJoinedAt: t('10:02'),
      candidateLateMinutes: 2,
    });
    expect(report.together).toEqual({ start: t('10:02'), end: t('11:15'), minutes: 73 });
  });

  it('candidate attended: both sides, lateness, time together, final', () => {
    const c = conference(t('09:58'), t('10:50'), [
      [rita, [[t('10:01'), t('10:48')]]],
      [ada, [[t('09:58'), t('10:50')]]],
    ]);
    const report = analyseAttendance(interview, [c], later);
    expect(report).toMatchObject({
      records: [c.record.name],
      outcome: 'completed',
      final: true,
      interviewerJoinedAt: t('10:01'),
      interviewerLateMinutes: 1,
      candidateJoinedAt: t('09:58'),
      candidateLateMinutes: 0,
      together: { start: t('10:01'), end: t('10:48'), minutes: 47 },
    });
    expect(report.people.map((p) => [p.displayName, p.side, p.matchedBy, p.presentMinutes])).toEqual([
      ['Ada Lovelace', 'candidate', 'name', 52],
      ['Rita Recruiter', 'interviewer', 'account', 47],
    ]);
  });

  it('candidate no-show when only the interviewer came; interviewer no-show when only the candidate did', () => {
    const onlyRita = conference(t('10:00'), t('10:20'), [[rita, [[t('10:00'), t('10:20')]]]]);
    expect(analyseAttendance(interview, [onlyRita], later)).toMatchObject({
      outcome: 'candidate_no_show',
      interviewerLateMinutes: 0,
    });
    expect(analyseAttendance(interview, [onlyRita], later).together).toBeUndefined();
    const onlyAda = conference(t('10:00'), t('10:20'), [[ada, [[t('10:00'), t('10:20')]]]]);
    expect(analyseAttendance(interview, [onlyAda], later)).toMatchObject({
      outcome: 'interviewer_no_show',
      candidateLateMinutes: 0,
    });
    expect(analyseAttendance(interview, [], later)).toMatchObject({ outcome: 'neither', records: [], final: true });
  });

  it('interviewer on another device: one person for two signed-in devices, a not-signed-in device named like the panel not confirmed, a dial-in unmatched', () => {
    const c = conference(t('09:59'), t('10:50'), [
      [
        rita,
        [
          [t('10:00'), t('10:10')],
          [t('10:08'), t('10:40')],
        ],
      ],
      [{ kind: 'anonymous', displayName: 'rita  recruiter' }, [[t('10:41'), t('10:45')]]],
      [{ kind: 'anonymous', displayName: 'Pat Panel' }, [[t('10:05'), t('10:45')]]],
      [{ kind: 'phone', displayName: '+1 ***-***-1234' }, [[t('10:02'), t('10:03')]]],
      [ada, [[t('09:59'), t('10:45')]]],
    ]);
    const report = analyseAttendance(interview, [c], later);
    const byName = Object.fromEntries(report.people.map((p) => [`${p.kind}:${p.displayName}`, p]));
    expect(byName['signedin:Rita Recruiter']).toMatchObject({
      side: 'interviewer',
      matchedBy: 'account',
      presentMinutes: 40,
    });
    expect(byName['signedin:Rita Recruiter']!.sessions).toHaveLength(2);
    // Named like the recruiter or a co-interviewer, but only the account's Meet user id proves it: not confirmed.
    expect(byName['anonymous:rita  recruiter']).toMatchObject({ side: 'unconfirmed', matchedBy: 'name' });
    expect(byName['anonymous:Pat Panel']).toMatchObject({ side: 'unconfirmed', matchedBy: 'name', lateMinutes: 5 });
    expect(byName['phone:+1 ***-***-1234']).toMatchObject({ side: 'unmatched', matchedBy: 'none' });
    expect(report.outcome).toBe('completed');
    // Time together counts the proven interviewer only (the signed-in account), not the people named like the panel.
    expect(report.together).toEqual({ start: t('10:00'), end: t('10:40'), minutes: 40 });
  });

  describe("only the connected account's Meet user id proves the interviewer side", () => {
    const bob = { email: 'bob@example.com', name: 'Bob Panel' };
    const panel: InterviewForAttendance = { ...interview, interviewers: [...interview.interviewers, bob] };
    const named = (kind: 'anonymous' | 'phone' | 'signedin', displayName: string): ParticipantIdentity =>
      kind === 'signedin' ? { kind, user: 'users/555', displayName } : { kind, displayName };
    it.each([
      [
        'the candidate rejoins anonymously as a co-interviewer',
        'unconfirmed',
        [
          [ada, [[t('10:00'), t('10:05')]]],
          [named('anonymous', 'Bob Panel'), [[t('10:06'), t('10:45')]]],
        ],
      ],
      [
        "a guest signed in to another Google account with the recruiter's name",
        'unconfirmed',
        [
          [ada, [[t('10:00'), t('10:45')]]],
          [named('signedin', 'Rita Recruiter'), [[t('10:00'), t('10:45')]]],
        ],
      ],
      [
        "the recruiter's initials only",
        'unconfirmed',
        [
          [ada, [[t('10:00'), t('10:45')]]],
          [named('anonymous', 'R. R.'), [[t('10:00'), t('10:45')]]],
        ],
      ],
      [
        'a dial-in named like a co-interviewer, nobody else',
        'unconfirmed',
        [[named('phone', 'Pat Panel'), [[t('10:00'), t('10:45')]]]],
      ],
      ['the candidate alone', 'interviewer_no_show', [[ada, [[t('10:00'), t('10:45')]]]]],
      [
        'the connected account (by its user id) and the candidate',
        'completed',
        [
          [rita, [[t('10:00'), t('10:45')]]],
          [ada, [[t('10:01'), t('10:45')]]],
        ],
      ],
    ] as Array<[string, string, Array<[ParticipantIdentity, Array<[string, string?]>]>]>)(
      '%s: %s',
      (_what, outcome, people) => {
        const report = analyseAttendance(panel, [conference(t('10:00'), t('10:45'), people)], later);
        expect(report.outcome).toBe(outcome);
        const confirmed = people.some(([p]) => p.kind === 'signedin' && p.user === 'users/1001');
        expect(report.interviewerJoinedAt !== undefined).toBe(confirmed);
        expect(report.together !== undefined).toBe(confirmed);
        for (const person of report.people) if (person.side === 'interviewer') expect(person.matchedBy).toBe('account');
      },
    );

    it('a co-interviewer matched by name is shown as not confirmed, and keeps the waiting banner up', () => {
      const running = conference(t('09:58'), undefined, [
        [ada, [[t('09:58')]]],
        [named('anonymous', 'Bob Panel'), [[t('10:01')]]],
      ]);
      const report = analyseAttendance(panel, [running], { now: Date.parse(t('10:03')) });
      expect(report.people.find((p) => p.displayName === 'Bob Panel')).toMatchObject({
        side: 'unconfirmed',
        matchedBy: 'name',
        inCallNow: true,
      });
      expect(candidateWaiting(panel, [running], { now: Date.parse(t('10:03')) })).toEqual({
        displayName: 'Ada Lovelace',
        since: t('09:58'),
        identified: true,
      });
      // Alone, someone named like a panelist may be anyone: "someone is waiting".
      const alone = conference(t('09:58'), undefined, [[named('anonymous', 'Bob Panel'), [[t('10:01')]]]]);
      expect(candidateWaiting(panel, [alone], { now: Date.parse(t('10:03')) })).toEqual({
        displayName: 'Bob Panel',
        since: t('10:01'),
        identified: false,
      });
    });

    it("property: no participant without the account's user id, whatever their name, turns an interviewer no-show into attendance", () => {
      const names = fc.oneof(
        fc.constantFrom(
          'Rita Recruiter',
          'rita  RECRUITER',
          'R. R.',
          'R. Recruiter',
          'Rita R.',
          'Pat Panel',
          'Bob Panel',
          'P. Panel',
          'Ada Lovelace',
          'A. Lovelace',
          'iPhone',
          '',
        ),
        fc.string({ maxLength: 20 }),
      );
      const identity = fc.oneof(
        names.map((displayName): ParticipantIdentity => ({ kind: 'anonymous', displayName })),
        names.map((displayName): ParticipantIdentity => ({ kind: 'phone', displayName })),
        fc
          .tuple(names, fc.constantFrom('users/2', 'users/555', 'users/10010'))
          .map(([displayName, user]): ParticipantIdentity => ({ kind: 'signedin', user, displayName })),
      );
      const minuteOf = fc.integer({ min: -60, max: 120 });
      const session = fc
        .tuple(minuteOf, fc.integer({ min: 1, max: 90 }))
        .map(([from, length]): [string, string] => [
          new Date(Date.parse(t('10:00')) + from * 60_000).toISOString(),
          new Date(Date.parse(t('10:00')) + (from + length) * 60_000).toISOString(),
        ]);
      const person = fc.tuple(identity, fc.array(session, { minLength: 1, maxLength: 3 }));
      let runs = 0;
      let withCandidate = 0;
      fc.assert(
        fc.property(fc.array(person, { maxLength: 6 }), fc.boolean(), (others, candidateCame) => {
          runs++;
          const people: Array<[ParticipantIdentity, Array<[string, string?]>]> = [
            ...(candidateCame
              ? [[ada, [[t('10:00'), t('10:45')]]] as [ParticipantIdentity, Array<[string, string?]>]]
              : []),
            ...others,
          ];
          const report = analyseAttendance(panel, [conference(t('08:00'), t('13:00'), people)], later);
          withCandidate += Number(report.candidateJoinedAt !== undefined);
          expect(['completed', 'candidate_no_show']).not.toContain(report.outcome);
          expect(report.interviewerJoinedAt).toBeUndefined();
          expect(report.together).toBeUndefined();
          expect(report.people.filter((p) => p.side === 'interviewer')).toEqual([]);
        }),
        { numRuns: 400 },
      );
      console.log(`interviewer no-show property: ${runs} runs, ${withCandidate} with the candidate present`);
      expect(withCandidate).toBeGreaterThan(0);
    });
  });

  it('both late', () => {
    const c = conference(t('10:07'), t('10:50'), [
      [rita, [[t('10:07'), t('10:50')]]],
      [{ kind: 'signedin', user: 'users/77', displayName: 'A. Lovelace' }, [[t('10:12'), t('10:50')]]],
    ]);
    expect(analyseAttendance(interview, [c], later)).toMatchObject({
      outcome: 'completed',
      interviewerLateMinutes: 7,
      candidateLateMinutes: 12,
      together: { start: t('10:12'), end: t('10:50'), minutes: 38 },
    });
  });

  it('a reused link: only the conferences overlapping the interview count, and a person is merged across them', () => {
    const yesterday = conference(t('10:00', '2030-03-03'), t('11:00', '2030-03-03'), [
      [ada, [[t('10:00', '2030-03-03'), t('11:00', '2030-03-03')]]],
      [rita, [[t('10:00', '2030-03-03'), t('11:00', '2030-03-03')]]],
    ]);
    const earlier = conference(t('08:00'), t('09:30'), [
      [{ kind: 'anonymous', displayName: 'Someone Else' }, [[t('08:00'), t('09:30')]]],
    ]);
    const first = conference(t('09:58'), t('10:20'), [
      [rita, [[t('10:00'), t('10:20')]]],
      [ada, [[t('09:58'), t('10:20')]]],
    ]);
    // The call dropped and was restarted: a second conference of the same code.
    const second = conference(t('10:22'), t('10:50'), [
      [rita, [[t('10:22'), t('10:50')]]],
      [ada, [[t('10:23'), t('10:47')]]],
    ]);
    const report = analyseAttendance(interview, [second, yesterday, first, earlier], later);
    expect(report.records).toEqual([first.record.name, second.record.name]);
    expect(report.people).toHaveLength(2);
    const adaReport = report.people.find((p) => p.side === 'candidate')!;
    expect(adaReport.sessions).toEqual([
      { start: t('09:58'), end: t('10:20') },
      { start: t('10:23'), end: t('10:47') },
    ]);
    expect(adaReport.presentMinutes).toBe(46);
    expect(report.together).toEqual({ start: t('10:00'), end: t('10:47'), minutes: 47 });
  });

  it('records an unidentified guest as unmatched and declares no no-show because of it', () => {
    const c = conference(t('10:00'), t('10:45'), [
      [rita, [[t('10:00'), t('10:45')]]],
      [{ kind: 'anonymous', displayName: 'iPhone' }, [[t('10:01'), t('10:45')]]],
    ]);
    const report = analyseAttendance(interview, [c], later);
    expect(report.outcome).toBe('unconfirmed');
    expect(report.people.find((p) => p.displayName === 'iPhone')).toMatchObject({
      side: 'unmatched',
      matchedBy: 'none',
    });
    expect(report.candidateJoinedAt).toBeUndefined();
  });

  it('is not final while a conference runs or the window is open, and counts open sessions up to now', () => {
    const c = conference(t('09:58'), undefined, [
      [rita, [[t('10:00')]]],
      [ada, [[t('09:58')]]],
    ]);
    const report = analyseAttendance(interview, [c], { now: Date.parse(t('10:30')) });
    expect(report.final).toBe(false);
    expect(report.people.every((p) => p.inCallNow)).toBe(true);
    expect(report.together).toEqual({ start: t('10:00'), end: t('10:30'), minutes: 30 });
    expect(report.people.find((p) => p.side === 'interviewer')!.sessions).toEqual([{ start: t('10:00') }]);
  });

  it('is final once the scheduled end has passed and Meet says every conference ended, inside the margin too', () => {
    // 10:00–10:45, the margin runs to 11:15: at 10:55 the ended call is what happened.
    const c = conference(t('09:58'), t('10:48'), [
      [rita, [[t('10:00'), t('10:48')]]],
      [ada, [[t('09:58'), t('10:47')]]],
    ]);
    expect(analyseAttendance(interview, [c], { now: Date.parse(t('10:55')) }).final).toBe(true);
    // Before the scheduled end a call that ended may be joined again; with no call at all, someone may still come.
    const early = conference(t('09:58'), t('10:20'), [[rita, [[t('10:00'), t('10:20')]]]]);
    expect(analyseAttendance(interview, [early], { now: Date.parse(t('10:30')) }).final).toBe(false);
    expect(analyseAttendance(interview, [], { now: Date.parse(t('10:55')) }).final).toBe(false);
    expect(analyseAttendance(interview, [], { now: Date.parse(t('11:15')) }).final).toBe(true);
    // A second call still running is not final.
    const running = conference(t('10:50'), undefined, [[rita, [[t('10:50')]]]]);
    expect(analyseAttendance(interview, [c, running], { now: Date.parse(t('10:55')) }).final).toBe(false);
  });

  describe('candidate is waiting', () => {
    it('names the candidate and since when, only while no interviewer is in and only in the window', () => {
      const c = conference(t('09:58'), undefined, [[ada, [[t('09:50', '2030-03-04'), t('09:55')], [t('09:58')]]]]);
      expect(candidateWaiting(interview, [c], { now: Date.parse(t('10:02')) })).toEqual({
        displayName: 'Ada Lovelace',
        since: t('09:58'),
        identified: true,
      });
      expect(candidateWaiting(interview, [c], { now: Date.parse(t('08:00')) })).toBeNull();
      expect(candidateWaiting(interview, [c], { now: Date.parse(t('12:00')) })).toBeNull();
      const withRita = conference(t('09:58'), undefined, [
        [ada, [[t('09:58')]]],
        [rita, [[t('10:03')]]],
      ]);
      expect(candidateWaiting(interview, [withRita], { now: Date.parse(t('10:04')) })).toBeNull();
      const ritaLeft = conference(t('09:58'), undefined, [
        [ada, [[t('09:58')]]],
        [rita, [[t('10:03'), t('10:05')]]],
      ]);
      expect(candidateWaiting(interview, [ritaLeft], { now: Date.parse(t('10:06')) })).toMatchObject({
        displayName: 'Ada Lovelace',
      });
    });

    it('ignores ended conferences, and says "someone" for an unidentified guest', () => {
      const ended = conference(t('09:58'), t('10:01'), [[ada, [[t('09:58'), t('10:01')]]]]);
      expect(candidateWaiting(interview, [ended], { now: Date.parse(t('10:02')) })).toBeNull();
      const guest = conference(t('09:58'), undefined, [
        [{ kind: 'anonymous', displayName: 'Galaxy S24' }, [[t('09:59')]]],
      ]);
      expect(candidateWaiting(interview, [guest], { now: Date.parse(t('10:02')) })).toEqual({
        displayName: 'Galaxy S24',
        since: t('09:59'),
        identified: false,
      });
    });
  });

  it.each([
    ['Ada Lovelace', true],
    ['  ADA   lovelace ', true],
    ['Adá Lovelace', true],
    ['A. Lovelace', true],
    ['Ada King Lovelace', true],
    ['Ada', false],
    ['Adam Lovelace', false],
    ['Lovelace Ada', true],
    ['', false],
    ['A. L.', false],
    ['A L', false],
    ['Ada L.', true],
  ])('name "%s" matches "Ada Lovelace": %s', (shown, expected) => {
    expect(namesMatch(shown, 'Ada Lovelace')).toBe(expected);
  });

  it('initials alone never match a name', () => {
    expect(namesMatch('R. R.', 'Rita Recruiter')).toBe(false);
    expect(namesMatch('R. Recruiter', 'Rita R.')).toBe(false);
    expect(namesMatch('R R', 'R R')).toBe(false);
    expect(namesMatch('Rita R.', 'Rita Recruiter')).toBe(true);
  });
});
