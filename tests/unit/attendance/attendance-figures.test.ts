import { describe, expect, it } from 'vitest';
import { attendanceCsvCells, attendanceFigures } from '../../../main/attendance/attendance-figures';
import { analyseAttendance, type InterviewForAttendance } from '../../../main/attendance/attendance-analysis';
import type { ConferenceAttendance } from '../../../main/attendance/meet-records';
import { waitingLine } from '../../../preload/shared/rules/waiting-line';
import { makeInterview } from '../../support/interview-fixtures';

const start = '2030-01-13T09:00:00.000Z';
const at = (m: number) => new Date(Date.parse(start) + m * 60_000).toISOString();
const subject: InterviewForAttendance = {
  meetingCode: 'abc-mnop-xyz',
  scheduledStart: start,
  scheduledEnd: at(45),
  interviewers: [{ user: 'users/1', name: 'Rita Recruiter' }],
  candidateName: 'Ada Lovelace',
};
const conference = (people: Array<{ who: 'rita' | 'ada'; from: number; to: number }>): ConferenceAttendance => ({
  record: { name: 'conferenceRecords/c', startTime: at(-5), endTime: at(60) },
  participants: people.map((p, i) => ({
    participant: {
      name: `conferenceRecords/c/participants/p${i}`,
      identity:
        p.who === 'rita'
          ? { kind: 'signedin', user: 'users/1', displayName: 'Rita Recruiter' }
          : { kind: 'anonymous', displayName: 'Ada Lovelace' },
    },
    sessions: [{ name: `s${i}`, startTime: at(p.from), endTime: at(p.to) }],
  })),
});
const report = (people: Parameters<typeof conference>[0]) =>
  analyseAttendance(subject, [conference(people)], { now: Date.parse(at(24 * 60)) });

describe('attendance figures', () => {
  it('counts each verdict on its own side: the recruiter absent is an interviewer no-show, never the candidate’s', () => {
    const interviews = [0, 1, 2, 3, 4].map(() => makeInterview({ startUtc: start, durationMinutes: 45 }));
    const reports = new Map([
      [
        interviews[0]!.id,
        report([
          { who: 'rita', from: 0, to: 45 },
          { who: 'ada', from: 2, to: 45 },
        ]),
      ],
      [
        interviews[1]!.id,
        report([
          { who: 'rita', from: 8, to: 40 },
          { who: 'ada', from: 0, to: 40 },
        ]),
      ],
      [interviews[2]!.id, report([{ who: 'ada', from: 0, to: 30 }])],
      [interviews[3]!.id, report([{ who: 'rita', from: 0, to: 20 }])],
    ]);
    const figures = attendanceFigures(interviews.length, interviews, reports, 'connected');
    expect(figures).toMatchObject({
      fromMeet: 4,
      fromAppHistory: 1,
      completed: 2,
      candidateNoShow: 1,
      interviewerNoShow: 1,
      lateStarts: 1,
      medianStartDelayMinutes: 5,
      averageMinutes: 37.5,
      medianMinutes: 37.5,
    });
    expect(figures.durationBuckets.map((b) => b.count)).toEqual([0, 0, 2, 0, 0]);
    // The CSV says where each row's figures come from.
    expect(attendanceCsvCells(interviews[2]!, reports.get(interviews[2]!.id), true).slice(0, 2)).toEqual([
      'Google Meet',
      'Interviewer did not join',
    ]);
    expect(attendanceCsvCells(interviews[4]!, undefined, true)[0]).toMatch(/join history/);
    expect(attendanceCsvCells(interviews[4]!, undefined, false)).toEqual(['', '', '', '', '', '']);
  });

  it('words the wait the same everywhere', () => {
    const since = Date.parse(start);
    expect(
      waitingLine({ displayName: 'Ada Lovelace', since: start, identified: true }, since + 2 * 60_000 + 5_000),
    ).toBe('Ada Lovelace joined 2 minutes ago and is waiting');
    expect(waitingLine({ displayName: 'Ada Lovelace', since: start, identified: true }, since + 30_000)).toBe(
      'Ada Lovelace joined just now and is waiting',
    );
    expect(waitingLine({ displayName: 'A. L.', since: start, identified: false }, since + 60_000)).toBe(
      'Someone (A. L.) joined 1 minute ago and is waiting',
    );
  });
});
