/**
 * Meet attendance as the fetch job leaves it, for tests and benches of what follows from it: read in
 * full with no conference at all, which the room reports as "nobody joined" (outcome `neither`), or
 * with the candidate and the recruiter there throughout.
 */
import type { Database } from '../../main/database/database';
import { createAttendanceRepository, type AttendanceRepository } from '../../main/attendance/attendance-repository';
import type { Interview } from '../../preload/shared/contract/interview-schema';

/** Records that Meet was read for the interview, finally, and had no call: nobody joined. */
export function recordNobodyJoined(db: Database, interviewId: string, at = Date.now()): void {
  createAttendanceRepository(db).setFetchState(interviewId, {
    state: 'fetched',
    final: true,
    attempts: 0,
    nextMs: 0,
    fetchedMs: at,
  });
}

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
