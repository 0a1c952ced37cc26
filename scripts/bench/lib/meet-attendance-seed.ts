import type { AttendanceRepository } from '../../../main/attendance/attendance-repository';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Stores what Meet would report of interview number `n`: one conference over the whole interview,
 * the candidate and the recruiter in it throughout, read once and final.
 */
export function seedMeetAttendance(attendance: AttendanceRepository, interview: Interview, n: number): void {
  const start = Date.parse(interview.startUtc);
  const end = start + interview.durationMinutes * 60_000;
  const who = (p: number, displayName: string) => ({
    participant: {
      name: `conferenceRecords/c${n}/participants/p${p}`,
      identity: { kind: 'anonymous' as const, displayName },
      earliestStartTime: iso(start),
      latestEndTime: iso(end),
    },
    sessions: [
      {
        name: `conferenceRecords/c${n}/participants/p${p}/participantSessions/s1`,
        startTime: iso(start),
        endTime: iso(end),
      },
    ],
  });
  attendance.save(interview.id, [
    {
      record: { name: `conferenceRecords/c${n}`, startTime: iso(start), endTime: iso(end) },
      participants: [who(1, interview.candidate.name), who(2, interview.recruiter.name)],
    },
  ]);
  attendance.setFetchState(interview.id, { state: 'fetched', final: true, attempts: 0, nextMs: 0, fetchedMs: end });
}
