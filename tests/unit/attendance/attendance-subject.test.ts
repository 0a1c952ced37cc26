import { describe, expect, it } from 'vitest';
import {
  attendanceSubject,
  interviewersOf,
  meetingCodeOf,
  meetingNow,
  sameMeeting,
} from '../../../main/attendance/attendance-subject';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';

describe('attendance subject: who is on the interviewer side', () => {
  const interview = makeInterview({
    startUtc: '2030-01-13T09:00:00.000Z',
    durationMinutes: 45,
    meetLink: 'https://meet.google.com/abc-mnop-xyz',
    recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
  });
  const account = { email: 'rita@example.com', name: 'Rita R.', googleId: '1001' };

  it('the recruiter, the connected account by its Meet user id, and nothing else without co-interviewers', () => {
    expect(interviewersOf(interview, account)).toEqual([
      { email: 'rita@example.com', name: 'Rita Recruiter' },
      { email: 'rita@example.com', name: 'Rita R.', user: 'users/1001' },
    ]);
    expect(attendanceSubject(interview, account)).toMatchObject({
      meetingCode: 'abc-mnop-xyz',
      scheduledEnd: '2030-01-13T09:45:00.000Z',
      candidateName: 'Ada Lovelace',
    });
  });

  it('the panel (co-interviewers) is on the interviewer side too', () => {
    const withCo = {
      ...interview,
      coInterviewers: [
        { email: 'bob@example.com', name: 'Bob Builder' },
        { email: 'eve@example.com' },
        { email: 'kim@example.com', name: '  ' },
      ],
    };
    expect(interviewersOf(withCo, undefined).slice(1)).toEqual([
      { email: 'bob@example.com', name: 'Bob Builder' },
      { email: 'eve@example.com' },
      { email: 'kim@example.com' },
    ]);
  });

  it('no subject without a Meet link or for a candidate’s own copy', () => {
    expect(meetingCodeOf({ ...interview, meetLink: 'https://example.com/x' })).toBeUndefined();
    expect(attendanceSubject({ ...interview, meetLink: undefined }, account)).toBeUndefined();
    expect(attendanceSubject({ ...interview, origin: 'candidate' }, account)).toBeUndefined();
  });

  it('a Meet job reads the meeting an interview is now, before and after asking Meet', () => {
    const stored = new Map<string, Interview>([[interview.id, interview]]);
    const source = { interview: (id: string) => stored.get(id), identity: () => account };
    const before = meetingNow(source, interview.id);
    expect(before).toEqual(attendanceSubject(interview, account));
    expect(meetingNow(source, 'gone')).toBeUndefined();
    // Cancelled while Meet was read: still the same meeting, unless only a scheduled one counts.
    stored.set(interview.id, { ...interview, status: 'cancelled' });
    expect(sameMeeting(meetingNow(source, interview.id), before!)).toBe(true);
    expect(meetingNow(source, interview.id, { scheduledOnly: true })).toBeUndefined();
    // Moved while Meet was read: another meeting.
    stored.set(interview.id, { ...interview, startUtc: '2030-01-13T10:00:00.000Z' });
    expect(sameMeeting(meetingNow(source, interview.id, { scheduledOnly: true }), before!)).toBe(false);
  });
});
